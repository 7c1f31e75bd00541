import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** The completeness score from what citizens can see: it moves when an OPD publishes what it lacked. */
describe('city oversight: completeness score per OPD', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  let monitor: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
    monitor = await t.given.platformSignedIn('monitor');
  });
  afterAll(() => t.close());

  const own = async () =>
    (await t.http().get(`/api/v1/tenants/${tenant.slug}/oversight`).set(editor.auth)).body as {
      score: number;
      band: string;
      checks: Array<{ code: string; met: boolean }>;
    };

  it('rises when the OPD publishes a missing item, and monitors see every OPD lowest first', async () => {
    const before = await own();
    expect(before.checks.find((check) => check.code === 'services.published')?.met).toBe(false);

    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/layanan`)
      .set(editor.auth)
      .send({ fields: sampleFields('layanan', 'Penerbitan Kartu Keluarga') });
    // A draft changes nothing: only what citizens can see counts.
    expect((await own()).score).toBe(before.score);
    await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: created.body.version });

    const after = await own();
    expect(after.score).toBe(before.score + 10);
    expect(after.checks.find((check) => check.code === 'services.published')?.met).toBe(true);

    const overview = await t.http().get('/api/v1/admin/oversight').set(monitor.auth);
    expect(overview.status).toBe(200);
    const mine = overview.body.find((entry: { slug: string }) => entry.slug === tenant.slug);
    expect(mine).toMatchObject({ score: after.score, band: after.band, daysSinceUpdate: 0 });
    const scores = overview.body.map((entry: { score: number }) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });
});
