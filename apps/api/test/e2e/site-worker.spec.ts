import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleFields } from '../helpers/content-samples';
import { smallJpeg } from '../helpers/media-corpus';
import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The whole publishing pipeline with real parts: API → pg-boss job in the same transaction → the site worker
 * process → astro build → live folder. Plus the queue's promises: coalescing and nothing enqueued on rollback.
 */
const WORKER = path.resolve(__dirname, '../../dist/bin/site-worker.js');

describe('site build pipeline', () => {
  let t: TestApp;
  let sites: string;
  let worker: ChildProcess | undefined;
  let workerLog = '';
  const jobsOf = (tenantId: string): Promise<Array<{ state: string }>> =>
    t.dataSource.query(
      `SELECT state FROM pgboss.job WHERE name = 'site-build' AND singleton_key = $1 ORDER BY created_on`,
      [tenantId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    sites = await mkdtemp(path.join(tmpdir(), 'laman-worker-sites-'));
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null)
      await new Promise((resolve) => (worker!.once('exit', resolve), worker!.kill('SIGTERM')));
    await t.close();
    await rm(sites, { recursive: true, force: true });
  });

  async function publishNews(editor: SignedIn, slug: string, title: string) {
    const created = await t
      .http()
      .post(`/api/v1/tenants/${slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', title) });
    return t
      .http()
      .post(`/api/v1/tenants/${slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
  }

  it('enqueues a build in the same transaction, coalesces bursts, and enqueues nothing when the change rolls back', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    for (let index = 0; index < 5; index++)
      expect((await publishNews(editor, tenant.slug, `Berita beruntun ${index}`)).status).toBe(200);
    expect(await jobsOf(tenant.id)).toEqual([{ state: 'created' }]);

    const other = await t.given.tenant();
    const otherEditor = await t.given.memberSignedIn(other, 'editor');
    const photo = await t
      .http()
      .post(`/api/v1/tenants/${other.slug}/media`)
      .set(otherEditor.auth)
      .attach('file', await smallJpeg(), 'tanpa-alt.jpg');
    const created = await t
      .http()
      .post(`/api/v1/tenants/${other.slug}/content/berita`)
      .set(otherEditor.auth)
      .send({ fields: { ...sampleFields('berita', 'Foto tanpa alt'), cover: { mediaId: photo.body.id } } });
    const refused = await t
      .http()
      .post(`/api/v1/tenants/${other.slug}/content/items/${created.body.id}/publish`)
      .set(otherEditor.auth)
      .send({ version: 1 });
    expect(refused.status).toBe(400);
    expect(await jobsOf(other.id)).toEqual([]);
  });

  it('makes a publish live through the worker, and records the build', async () => {
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    worker = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: t.database.appUrl,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
        LAMAN_API_URL: `http://127.0.0.1:${port}`,
        LAMAN_SITES_DIR: sites,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk) => (workerLog += chunk));
    worker.stderr?.on('data', (chunk) => (workerLog += chunk));

    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const published = await publishNews(editor, tenant.slug, 'Layanan Adminduk buka hari Sabtu');
    expect(published.status).toBe(200);

    let builds: Array<{ status: string; trigger: string; durationMs: number }> = [];
    for (let attempt = 0; attempt < 300 && !builds.some((build) => build.status !== 'building'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      builds = (await t.http().get(`/api/v1/tenants/${tenant.slug}/builds`).set(editor.auth)).body;
    }
    expect({ builds, log: builds[0]?.status === 'live' ? '' : workerLog }).toMatchObject({
      builds: [{ status: 'live', trigger: 'content.published' }],
      log: '',
    });
    const page = await readFile(
      path.join(sites, tenant.slug, 'live', 'berita', published.body.slug, 'index.html'),
      'utf8',
    );
    expect(page).toContain('Layanan Adminduk buka hari Sabtu');
    const pending = await t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      return manager.query(`SELECT count(*)::int AS n FROM site_change_events WHERE processed_at IS NULL`);
    });
    expect(pending).toEqual([{ n: 0 }]);
  });
});
