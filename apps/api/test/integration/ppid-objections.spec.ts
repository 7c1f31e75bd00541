import { formatTanggal } from '@laman/shared';
import { type TenantDuty } from '../../src/core/access/roles';
import { wibDay } from '../../src/core/time/wib';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { eventually } from '../helpers/eventually';
import { type SignedIn } from '../helpers/given';
import { startSmtpInbox } from '../helpers/smtp-inbox';
import { citizenRequest, memberWithDuty, fileObjection, ppidStep, requestStatus } from '../helpers/ppid';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Objections (keberatan): the requester objects within 30 working days of the PPID's answer (or of its due day
 * passing unanswered), once, from the status page; only the OPD's atasan PPID answers, within 30 working days,
 * and the answer opens 14 working days for the Komisi Informasi. Every clock on the platform's working calendar,
 * a collective-leave day declared by the platform admin included.
 */
describe('objections to the PPID, answered by the atasan PPID', () => {
  let t: TestApp;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let opd: Tenant;
  let other: Tenant;
  let officer: SignedIn;
  let superior: SignedIn;
  let otherSuperior: SignedIn;
  let admin: SignedIn;
  const email = 'rina.marlina@contoh.id';
  const citizen = {
    name: 'Rina Marlina',
    address: 'Jl. Imam Bonjol No. 12, Kemiling',
    email,
    information: 'Daftar penerima hibah pembangunan rumah ibadah tahun 2026',
    purpose: 'Pemantauan penyaluran hibah oleh warga',
    delivery: 'email',
  };
  const statement = 'PPID menyatakan tidak menguasai informasi, padahal hibah itu disalurkan dinas ini.';

  const withDuty = (tenant: Tenant, duty: TenantDuty) => memberWithDuty(t, tenant, duty, 'editor');
  const request = (tenant = opd) => citizenRequest(t, tenant, citizen);

  const answer = (id: string, outcome = 'not_held') =>
    ppidStep(t, opd, officer, id, 'decision', {
      outcome,
      message: 'Informasi tersebut tidak dikuasai dinas ini.',
    });
  const object = (code: string, body: object = {}, tenant = opd) =>
    fileObjection(t, tenant, { code, contact: email }, { statement, ...body });
  const status = (code: string) => requestStatus(t, opd, { code, contact: email });
  const decide = (who: SignedIn, id: string, outcome: string, tenant = opd) =>
    t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/ppid/objections/${id}/decision`)
      .set(who.auth)
      .send({ outcome, message: 'Atasan PPID memerintahkan PPID memberikan salinan daftar penerima hibah.' });
  const objectionRows = async () =>
    (
      await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM information_objections`)
    )[0]!.n;
  const calendar = async () => {
    const year = Number(wibDay(new Date()).slice(0, 4));
    return t.app.get(CalendarService).calendar(year - 1, year + 1);
  };

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, TRUST_PROXY: 'loopback' });
    opd = await t.given.tenant();
    other = await t.given.tenant();
    officer = await withDuty(opd, 'ppid_officer');
    superior = await withDuty(opd, 'ppid_superior');
    otherSuperior = await withDuty(other, 'ppid_superior');
    admin = await t.given.memberSignedIn(opd, 'tenant_admin');
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  it('is not open while the PPID is still within its time: a clear 409, nothing written', async () => {
    const { code } = await request();
    expect((await status(code)).objectionUntil).toBeNull();
    const before = await objectionRows();
    const early = await object(code);
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 409,
      code: 'OBJECTION_NOT_ALLOWED',
    });
    expect(early.body.message).toContain('setelah PPID menjawab');
    expect(await objectionRows()).toBe(before);
  });

  it('opens for 30 working days after the answer; the superior has 30 working days, a declared leave day skipped', async () => {
    const { id, code } = await request();
    expect((await answer(id)).status).toBe(200);
    const today = wibDay(new Date());
    const plain = await calendar();
    expect((await status(code)).objectionUntil).toBe(plain.addWorkingDays(today, 30));

    // The platform admin declares a collective-leave day inside the superior's 30 working days.
    const dueWithout = plain.addWorkingDays(today, 30);
    const leave = plain.addWorkingDays(today, 3);
    const platform = await t.given.platformSignedIn('platform_admin');
    const declared = await t
      .http()
      .put(`/api/v1/admin/calendar/days/${leave}`)
      .set(platform.auth)
      .send({ kind: 'collective_leave', name: 'Cuti bersama uji keberatan' });
    expect(declared.status).toBe(200);

    const filed = await object(code, { reasons: ['not_as_asked', 'not_fulfilled'] });
    expect(filed.status).toBe(200);
    expect(filed.body.objection).toMatchObject({
      reasons: ['not_as_asked', 'not_fulfilled'],
      reasonLabels: ['Permohonan ditanggapi tidak sebagaimana yang diminta', 'Permohonan tidak dipenuhi'],
      statement,
      outcome: null,
      disputeUntil: null,
    });
    expect(filed.body.objection.dueOn).not.toBe(dueWithout);
    expect(filed.body.objection.dueOn).toBe(plain.addWorkingDays(dueWithout, 1));
    expect(filed.body.objectionUntil).toBeNull();
    expect(filed.body.steps.at(-1)).toMatchObject({ kind: 'objected', message: statement });

    const receipt = await eventually(
      async () => inbox.mails.filter((mail) => mail.subject.startsWith(`Keberatan atas permohonan ${code}`)),
      (mails) => mails.length >= 1,
      { withinMs: 10_000 },
    );
    expect(receipt[0]!.text).toContain(formatTanggal(filed.body.objection.dueOn));

    const again = await object(code);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'OBJECTION_EXISTS',
    });
    const stranger = await object(code, { contact: 'orang.lain@contoh.id' });
    expect(stranger.status).toBe(404);
  });

  it('is answered by the atasan PPID alone, once, opening 14 working days for the Komisi Informasi', async () => {
    const { id, code } = await request();
    await answer(id);
    await object(code);
    const queue = await t
      .http()
      .get(`/api/v1/tenants/${opd.slug}/ppid/objections?open=true`)
      .set(superior.auth);
    expect(queue.status).toBe(200);
    const entry = queue.body.items.find((item: { code: string }) => item.code === code);
    expect(entry).toMatchObject({ requestId: id, overdue: false, outcome: null });
    expect(entry.workingDaysLeft).toBe(
      (await calendar()).workingDaysBetween(wibDay(new Date()), entry.dueOn),
    );
    expect(JSON.stringify(queue.body)).not.toContain(citizen.name);

    const forbidden = [
      [officer, opd, 403],
      [admin, opd, 403],
      [otherSuperior, other, 404],
    ] as const;
    for (const [who, tenant, expected] of forbidden)
      expect((await decide(who, entry.id, 'upheld', tenant)).status).toBe(expected);
    expect((await t.http().get(`/api/v1/tenants/${opd.slug}/ppid/objections`).set(admin.auth)).status).toBe(
      403,
    );

    const answers = await Promise.all([
      decide(superior, entry.id, 'upheld'),
      decide(superior, entry.id, 'rejected'),
    ]);
    expect(answers.map((one) => one.status).sort()).toEqual([200, 409]);
    const won = answers.find((one) => one.status === 200)!.body;
    const disputeUntil = (await calendar()).addWorkingDays(wibDay(new Date()), 14);
    expect(won.disputeUntil).toBe(disputeUntil);

    const seen = await status(code);
    expect(seen.objection).toMatchObject({ outcome: won.outcome, disputeUntil });
    expect(seen.steps.at(-1).kind).toBe(`objection_${won.outcome}`);
    const told = await eventually(
      async () => inbox.mails.filter((mail) => mail.subject.includes(`Keberatan atas permohonan ${code}:`)),
      (mails) => mails.length >= 1,
      { withinMs: 10_000 },
    );
    expect(told[0]!.to).toContain(email);
    expect(told[0]!.text).toContain(formatTanggal(disputeUntil));
    const [audited] = await asSuperuser<{ data: Record<string, unknown> }>(
      t.database,
      `SELECT data FROM audit_events WHERE tenant_id = $1 AND action = 'ppid.objection_decided'`,
      [opd.id],
    );
    expect(audited!.data).toEqual({ code, outcome: won.outcome });
    const opened = await t.http().get(`/api/v1/tenants/${opd.slug}/ppid/requests/${id}`).set(superior.auth);
    expect(opened.status).toBe(200);
    expect(opened.body.objection).toMatchObject({ id: entry.id, outcome: won.outcome });
  });

  it('opens when the answer is overdue, closes 30 working days later, and never at the OPD that forwarded', async () => {
    const overdue = await request();
    const lateDue = (await calendar()).addWorkingDays('2020-01-01', 1);
    await asSuperuser(t.database, `UPDATE information_requests SET due_on = $1 WHERE id = $2`, [
      wibDay(new Date(Date.now() - 5 * 86_400_000)),
      overdue.id,
    ]);
    const noAnswer = await object(overdue.code, { reasons: ['no_answer'] });
    expect(noAnswer.status).toBe(200);

    const stale = await request();
    await asSuperuser(t.database, `UPDATE information_requests SET due_on = $1 WHERE id = $2`, [
      lateDue,
      stale.id,
    ]);
    const closed = await object(stale.code, { reasons: ['no_answer'] });
    expect({ status: closed.status, code: closed.body.code }).toEqual({
      status: 409,
      code: 'OBJECTION_NOT_ALLOWED',
    });
    expect(closed.body.message).toContain('sudah lewat');

    const moved = await request();
    const forwarded = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/requests/${moved.id}/forward`)
      .set(officer.auth)
      .send({ tenant: other.slug, message: 'Hibah disalurkan oleh OPD lain.' });
    expect(forwarded.status).toBe(200);
    const there = await object(moved.code);
    expect({ status: there.status, code: there.body.code }).toEqual({
      status: 409,
      code: 'OBJECTION_NOT_ALLOWED',
    });
    expect(there.body.message).toContain('diteruskan');
  });

  it('refuses a malformed objection field by field, writing nothing', async () => {
    const { id, code } = await request();
    await answer(id);
    const before = await objectionRows();
    for (const [body, field] of [
      [{ reasons: [] }, 'reasons'],
      [{ reasons: ['bribery'] }, 'reasons'],
      [{ statement: 'pendek' }, 'statement'],
    ] as const) {
      const refused = await object(code, body);
      expect(refused.status).toBe(400);
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
    expect(await objectionRows()).toBe(before);
  });
});
