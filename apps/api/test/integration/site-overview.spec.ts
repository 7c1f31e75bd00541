import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';

describe('platform overview of every OPD site', () => {
  let t: TestApp;
  let platform: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  /** Build records as the worker writes them (oldest first), in the OPD's own scope. */
  const builds = (tenant: Tenant, rows: Array<[status: string, hoursAgo: number, log: string]>) =>
    t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      for (const [status, hoursAgo, log] of rows)
        await manager.query(
          `INSERT INTO site_builds (tenant_id, status, trigger, started_at, finished_at, log)
           VALUES ($1, $2, 'content.published', now() - make_interval(hours => $3), now() - make_interval(hours => $3), $4)`,
          [tenant.id, status, hoursAgo, log],
        );
    });

  const sites = async (query = '') => {
    const response = await t.http().get(`/api/v1/admin/sites?${query}`).set(platform.auth);
    expect(response.status).toBe(200);
    return response.body as {
      items: Array<{ slug: string; builds: Array<{ status: string; log: string }> }>;
      total: number;
      troubled: number;
    };
  };

  it("shows each active OPD's latest builds with the builder's output, newest first", async () => {
    const tenant = await t.given.tenant();
    await builds(tenant, [
      ['live', 2, 'ok'],
      ['failed', 1, 'astro build: Expected "}" but found EOF'],
    ]);
    const site = (await sites(`q=${tenant.slug}`)).items.find((entry) => entry.slug === tenant.slug)!;
    expect(site.builds.map((build) => build.status)).toEqual(['failed', 'live']);
    expect(site.builds[0]!.log).toContain('Expected "}"');

    const editor = await t.given.memberSignedIn(tenant, 'editor');
    expect((await t.http().get('/api/v1/admin/sites').set(editor.auth)).status).toBe(403);
  });

  it('pages the sites with the troubled ones first and counts them for the whole city', async () => {
    const held = await t.given.tenant(`zz-held-${Date.now()}`);
    await builds(held, [['held', 1, 'spam']]);
    const mended = await t.given.tenant(`aa-mended-${Date.now()}`);
    await builds(mended, [
      ['failed', 2, 'broken'],
      ['live', 1, 'ok'],
    ]);
    const whole = await sites('limit=200');
    const troubledSlugs = whole.items
      .filter((site) => ['failed', 'held'].includes(site.builds[0]?.status ?? ''))
      .map((site) => site.slug);
    expect(whole.troubled).toBe(troubledSlugs.length);
    // Troubled first (the held one named last alphabetically too), the mended one among the rest.
    expect(whole.items.slice(0, whole.troubled).map((site) => site.slug)).toEqual(troubledSlugs);
    expect(troubledSlugs).toContain(held.slug);
    expect(troubledSlugs).not.toContain(mended.slug);
    expect(whole.total).toBe(whole.items.length);

    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 2)
      paged.push(...(await sites(`limit=2&offset=${offset}`)).items.map((site) => site.slug));
    expect(paged).toEqual(whole.items.map((site) => site.slug));
    expect((await sites('troubled=true&limit=200')).items.map((site) => site.slug)).toEqual(troubledSlugs);

    // A build going live again takes the site out of trouble.
    await builds(held, [['live', 0, 'ok']]);
    expect((await sites('troubled=true&limit=200')).items.map((site) => site.slug)).not.toContain(held.slug);

    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['troubled=ya', 'troubled'],
      [`q=${'x'.repeat(101)}`, 'q'],
    ]) {
      const response = await t.http().get(`/api/v1/admin/sites?${query}`).set(platform.auth);
      expect({ status: response.status, field: response.body.details?.[0]?.field }).toEqual({
        status: 400,
        field,
      });
    }
  });
});
