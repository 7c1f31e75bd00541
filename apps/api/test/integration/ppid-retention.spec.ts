import { ERASED_WORDS } from '../../src/modules/ppid/information-requests.repository';
import { RequesterDataRetention } from '../../src/modules/ppid/requester-data-retention';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn } from '../helpers/given';
import { citizenRequest, memberWithDuty, fileObjection, ppidStep } from '../helpers/ppid';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Requesters' personal data is kept only as long as needed (UU 27/2022): PPID_RETENTION_DAYS (here 30) after the
 * request closed — answered or forwarded, any objection answered — it is erased, with the requester's own words;
 * the register keeps the anonymised row; nothing still in progress is touched; each erasure is audited.
 */
describe('erasing requesters’ personal data after the retention period', () => {
  let t: TestApp;
  let opd: Tenant;
  let other: Tenant;
  let officer: SignedIn;
  let superior: SignedIn;
  const citizen = {
    name: 'Yusuf Hamdani',
    address: 'Jl. Raden Intan No. 45, Enggal',
    email: 'yusuf.hamdani@contoh.id',
    phone: '0812-7777-1234',
    information: 'Daftar penerima bantuan sosial tunai per kelurahan',
    purpose: 'Pengawasan penyaluran bantuan oleh LSM setempat',
    delivery: 'email',
  };
  const clarification = 'Kelurahan Enggal dan Pelita saja, untuk tahun 2026.';
  const statement = 'Jawaban PPID tidak memuat data yang saya minta sama sekali.';
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const step = (id: string, action: string, body: object, tenant = opd) =>
    ppidStep(t, tenant, officer, id, action, body);
  const answer = (id: string) =>
    step(id, 'decision', { outcome: 'not_held', message: 'Tidak dikuasai dinas ini.' });
  const answeredAt = (id: string, at: string) =>
    asSuperuser(t.database, `UPDATE information_requests SET answered_at = $1 WHERE id = $2`, [at, id]);
  const object = (code: string) => fileObjection(t, opd, { code, contact: citizen.email }, { statement });
  const stored = async (id: string) =>
    (
      await asSuperuser<Record<string, unknown>>(
        t.database,
        `SELECT requester_name, requester_address, requester_email, requester_phone, purpose, contact_lookups,
                personal_data_erased_at, information, status
           FROM information_requests WHERE id = $1`,
        [id],
      )
    )[0]!;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', PPID_RETENTION_DAYS: '30' });
    opd = await t.given.tenant();
    other = await t.given.tenant();
    officer = await memberWithDuty(t, opd, 'ppid_officer');
    superior = await memberWithDuty(t, opd, 'ppid_superior');
  });
  afterAll(() => t.close());

  it('erases what is closed for longer than the period, keeps the register row, and touches nothing else', async () => {
    // Closed 40 days ago, after a clarification and an objection answered 35 days ago: erased.
    const old = await citizenRequest(t, opd, citizen);
    expect((await step(old.id, 'clarification', { message: 'Kelurahan mana yang dimaksud?' })).status).toBe(
      200,
    );
    const replied = await t
      .http()
      .post(`/api/v1/public/${opd.slug}/ppid/requests/clarification`)
      .send({ code: old.code, contact: citizen.email, message: clarification });
    expect(replied.status).toBe(200);
    await answer(old.id);
    expect((await object(old.code)).status).toBe(200);
    const queue = await t.http().get(`/api/v1/tenants/${opd.slug}/ppid/objections`).set(superior.auth);
    const decided = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/objections/${queue.body.items[0].id}/decision`)
      .set(superior.auth)
      .send({ outcome: 'rejected', message: 'Informasi memang tidak dikuasai dinas ini.' });
    expect(decided.status).toBe(200);
    await answeredAt(old.id, daysAgo(40));
    await asSuperuser(t.database, `UPDATE information_objections SET decided_at = $1 WHERE request_id = $2`, [
      daysAgo(35),
      old.id,
    ]);
    // Forwarded 40 days ago: closed here, erased (the copy at the other OPD has its own life).
    const moved = await citizenRequest(t, opd, citizen);
    expect(
      (await step(moved.id, 'forward', { tenant: other.slug, message: 'Dikuasai OPD lain.' })).status,
    ).toBe(200);
    await answeredAt(moved.id, daysAgo(40));
    // Answered 10 days ago: kept.
    const recent = await citizenRequest(t, opd, citizen);
    await answer(recent.id);
    await answeredAt(recent.id, daysAgo(10));
    // Answered 40 days ago but its objection still waits for the superior: kept.
    const contested = await citizenRequest(t, opd, citizen);
    await answer(contested.id);
    expect((await object(contested.code)).status).toBe(200);
    await answeredAt(contested.id, daysAgo(40));
    // Never answered, received 60 days ago: in progress (late), kept.
    const waiting = await citizenRequest(t, opd, citizen);
    await asSuperuser(t.database, `UPDATE information_requests SET received_at = $1 WHERE id = $2`, [
      daysAgo(60),
      waiting.id,
    ]);

    const erased = await t.app.get(RequesterDataRetention).sweep();
    expect(erased).toBe(2);

    for (const id of [old.id, moved.id]) {
      expect(await stored(id)).toMatchObject({
        requester_name: null,
        requester_address: null,
        requester_email: null,
        requester_phone: null,
        purpose: null,
        contact_lookups: [],
        personal_data_erased_at: expect.any(Date),
        information: citizen.information,
      });
    }
    const words = await asSuperuser<{ message: string }>(
      t.database,
      `SELECT message FROM information_request_events WHERE request_id = $1 AND kind IN ('clarified', 'objected')`,
      [old.id],
    );
    expect(words.map((row) => row.message)).toEqual([ERASED_WORDS, ERASED_WORDS]);
    const [objection] = await asSuperuser<{ statement: string }>(
      t.database,
      `SELECT statement FROM information_objections WHERE request_id = $1`,
      [old.id],
    );
    expect(objection!.statement).toBe(ERASED_WORDS);
    for (const { id } of [recent, contested, waiting])
      expect(await stored(id)).toMatchObject({ personal_data_erased_at: null, purpose: citizen.purpose });

    // The PPID's desk shows the row without a requester; the status page no longer finds it; the register keeps it.
    const opened = await t
      .http()
      .get(`/api/v1/tenants/${opd.slug}/ppid/requests/${old.id}`)
      .set(officer.auth);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      requester: null,
      purpose: null,
      personalDataErasedAt: expect.any(String),
    });
    expect(JSON.stringify(opened.body)).not.toContain(clarification);
    const lookup = await t
      .http()
      .post(`/api/v1/public/${opd.slug}/ppid/requests/status`)
      .send({ code: old.code, contact: citizen.email });
    expect(lookup.status).toBe(404);
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const register = await t
      .http()
      .get(`/api/v1/tenants/${opd.slug}/ppid/register?year=${year}`)
      .set(officer.auth);
    expect(register.body.items.map((row: { code: string }) => row.code)).toContain(old.code);

    const [audited] = await asSuperuser<{ data: Record<string, unknown>; actor: string | null }>(
      t.database,
      `SELECT data, actor_user_id AS actor FROM audit_events WHERE tenant_id = $1 AND action = 'ppid.personal_data_erased'`,
      [opd.id],
    );
    expect(audited).toMatchObject({ actor: null, data: { requests: 2 } });

    // Each OPD once a day: a second pass the same day visits none.
    expect(await t.app.get(RequesterDataRetention).sweep()).toBe(0);
    const visited = await asSuperuser<{ n: number }>(
      t.database,
      `SELECT count(*)::int AS n FROM tenants WHERE requests_retention_checked_on IS NOT NULL`,
    );
    expect(visited[0]!.n).toBeGreaterThanOrEqual(2);
  });
});
