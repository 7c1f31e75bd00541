import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('platform overview of every OPD site', () => {
  let t: TestApp;
  let platform: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  it("shows each active OPD's latest builds with the builder's output, newest first", async () => {
    const tenant = await t.given.tenant();
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await manager.query(
        `INSERT INTO site_builds (tenant_id, status, trigger, started_at, finished_at, log)
         VALUES ($1, 'live', 'content.published', now() - interval '2 hours', now() - interval '2 hours', 'ok'),
                ($1, 'failed', 'content.published', now() - interval '1 hour', now() - interval '1 hour',
                 'astro build: Expected "}" but found EOF')`,
        [tenant.id],
      );
    });
    const response = await t.http().get('/api/v1/admin/sites').set(platform.auth);
    expect(response.status).toBe(200);
    const site = response.body.find((entry: { slug: string }) => entry.slug === tenant.slug);
    expect(site.builds.map((build: { status: string }) => build.status)).toEqual(['failed', 'live']);
    expect(site.builds[0].log).toContain('Expected "}"');

    const editor = await t.given.memberSignedIn(tenant, 'editor');
    expect((await t.http().get('/api/v1/admin/sites').set(editor.auth)).status).toBe(403);
  });
});
