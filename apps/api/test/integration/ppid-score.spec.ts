import { ScoreHistoryService } from '../../src/modules/oversight/score-history.service';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn } from '../helpers/given';
import { citizenRequest, memberWithDuty } from '../helpers/ppid';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The completeness score counts whether the PPID answers in time: a request waiting past its due day or answered
 * late lowers it, the monitors see it on the OPD's row (kept scores, recomputed when a request changes), and an
 * OPD that never received a request is not touched.
 */
describe('information requests in the completeness score', () => {
  let t: TestApp;
  let opd: Tenant;
  let quiet: Tenant;
  let officer: SignedIn;
  let monitor: SignedIn;
  const citizen = {
    name: 'Sri Wahyuni',
    address: 'Jl. Pangeran Antasari No. 8, Kedamaian',
    email: 'sri.wahyuni@contoh.id',
    information: 'Jumlah penerima beasiswa daerah per kecamatan',
    purpose: 'Bahan advokasi pendidikan',
    delivery: 'email',
  };
  const drain = async () => {
    let scored = 0;
    for (let pass = await t.app.get(ScoreHistoryService).recordDue(new Date()); pass > 0;) {
      scored += pass;
      pass = await t.app.get(ScoreHistoryService).recordDue(new Date());
    }
    return scored;
  };
  const check = async (tenant: Tenant) =>
    (
      (await t.http().get(`/api/v1/tenants/${tenant.slug}/oversight`).set(monitor.auth)).body as {
        checks: Array<{ code: string; met: boolean; values?: Record<string, number> }>;
      }
    ).checks.find((entry) => entry.code === 'ppid.on_time');
  const row = async (tenant: Tenant) =>
    (
      (await t.http().get(`/api/v1/admin/oversight?limit=200`).set(monitor.auth)).body.items as Array<{
        slug: string;
        score: number;
        checks: Array<{ code: string; met: boolean }>;
      }>
    ).find((entry) => entry.slug === tenant.slug)!;
  /** The monitors' dashboard row (a kept score): whether it lists the check, and as met or not. */
  const kept = async (tenant: Tenant) => {
    const entry = await row(tenant);
    return { score: entry.score, onTime: entry.checks.find((c) => c.code === 'ppid.on_time')?.met };
  };

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    opd = await t.given.tenant();
    quiet = await t.given.tenant();
    officer = await memberWithDuty(t, opd, 'ppid_officer');
    monitor = await t.given.platformSignedIn('monitor');
  });
  afterAll(() => t.close());

  it('counts only for an OPD with requests, and drops when one waits past its due day', async () => {
    await drain();
    expect(await check(quiet)).toBeUndefined();

    const { id } = await citizenRequest(t, opd, citizen);
    // A new request makes the kept score due again, in the same transaction.
    const [score] = await asSuperuser<{ due: boolean }>(
      t.database,
      `SELECT changes_at = '-infinity' AS due FROM site_scores WHERE about_tenant_id = $1`,
      [opd.id],
    );
    expect(score!.due).toBe(true);
    await drain();
    expect(await check(opd)).toMatchObject({ met: true, values: { overdue: 0, late: 0 } });
    const waiting = await kept(opd);
    expect(waiting.onTime).toBe(true);

    await asSuperuser(t.database, `UPDATE information_requests SET due_on = current_date - 3 WHERE id = $1`, [
      id,
    ]);
    await drain();
    expect(await check(opd)).toMatchObject({ met: false, values: { overdue: 1, late: 0 } });
    const overdue = await kept(opd);
    expect(overdue.onTime).toBe(false);
    expect(overdue.score).toBeLessThan(waiting.score);

    // Answered now, after its due day: late, still counted against the OPD for a year.
    const answered = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/requests/${id}/decision`)
      .set(officer.auth)
      .send({ outcome: 'granted', message: 'Data penerima beasiswa terlampir.' });
    expect(answered.status).toBe(200);
    await drain();
    expect(await check(opd)).toMatchObject({ met: false, values: { overdue: 0, late: 1 } });
    expect((await kept(opd)).onTime).toBe(false);
    expect(await check(quiet)).toBeUndefined();
    expect((await kept(quiet)).onTime).toBeUndefined();
  });
});
