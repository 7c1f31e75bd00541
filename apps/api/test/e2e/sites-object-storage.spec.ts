import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Answer, get, type RunningNginx, startNginx } from '../helpers/debian-nginx';
import { eventually } from '../helpers/eventually';
import { childrenOf, untilGone } from '../helpers/processes';
import { SitePointers } from '../../src/modules/builds/site-pointers';
import { type AppConfig } from '../../src/core/config/app-config';
import { APP_CONFIG } from '../../src/core/config/config.module';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { type RunningS3, startS3Server } from '../helpers/s3-server';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';

/**
 * Built sites in object storage, with nothing shared between hosts but PostgreSQL and the bucket: two site
 * workers on folders of their own take turns building one OPD, and an edge (edge-sync.mjs beside Debian's nginx
 * with the production template, on a third folder) serves what the OPD's pointer says — the site, a rollback,
 * the suspension page — at its subdomain and its custom domain. The bucket is an S3 server over HTTP (s3rver).
 */
const WORKER = path.resolve(__dirname, '../../dist/bin/site-worker.js');
const EDGE_SYNC = path.resolve(__dirname, '../../../site/scripts/edge-sync.mjs');
const SITES_DOMAIN = 'bandarlampungkota.go.id';
/** A build takes 2–8 s on an idle machine; the edge polls every 200 ms. */
const BUILD_MS = 60_000;

describe('sites in object storage: built on any worker, served by any edge', () => {
  let root: string;
  let s3: RunningS3;
  let t: TestApp;
  let apiUrl: string;
  let storage: Record<string, string>;
  let nginx: RunningNginx | undefined;
  const processes: ChildProcess[] = [];
  let log = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-s3-sites-'));
    // nginx's workers run as an unprivileged user: the edge's folder must be readable to them.
    await chmod(root, 0o755);
    s3 = await startS3Server(root, 'laman-sites');
    storage = {
      ...s3.env,
      SITES_STORAGE: 's3',
      SITES_S3_BUCKET: 'laman-sites',
      LAMAN_SITES_DOMAIN: SITES_DOMAIN,
    };
    // The API's own sites folder stays empty: it switches sites through the pointers only.
    t = await startTestApp({ ...storage, LAMAN_SITES_DIR: path.join(root, 'api') });
    await t.app.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(processes.map(stop));
    await t.close();
    await s3.close();
    await rm(root, { recursive: true, force: true });
  });

  function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...storage, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (log += `[${name}] ${chunk}`));
    child.stderr?.on('data', (chunk) => (log += `[${name}] ${chunk}`));
    processes.push(child);
    return child;
  }

  const startWorker = (name: string, env: Record<string, string> = {}) =>
    start(name, [WORKER], {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: t.database.appUrl,
      LAMAN_API_URL: apiUrl,
      LAMAN_SITES_DIR: path.join(root, name),
      ...env,
    });
  /** The OPD the first test builds, rolls back and suspends; the second builds it again. */
  let opd: { tenant: Tenant; editor: SignedIn; subdomain: string };
  let workerB: ChildProcess;

  async function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode === null && child.signalCode === null)
      await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
  }

  interface BuildView {
    id: string;
    status: string;
    log: string;
  }

  async function liveBuilds(slug: string, auth: SignedIn['auth'], count: number): Promise<BuildView[]> {
    const builds = await eventually(
      async () => (await t.http().get(`/api/v1/tenants/${slug}/builds`).set(auth)).body as BuildView[],
      (list) => list.filter((build) => build.status === 'live').length >= count,
      { withinMs: BUILD_MS },
    );
    const live = builds.filter((build) => build.status === 'live');
    expect({ live: live.length, log: live.length === count ? '' : log }).toEqual({ live: count, log: '' });
    return live;
  }

  /** The build an OPD's pointer in the bucket names. */
  async function liveBuildOf(slug: string): Promise<string> {
    const pointers = new SitePointers(t.app.get<AppConfig>(APP_CONFIG).sites.store!);
    return (await pointers.read(slug))!.build!;
  }

  async function publishNews(editor: SignedIn, slug: string, title: string): Promise<string> {
    const created = await t
      .http()
      .post(`/api/v1/tenants/${slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', title) });
    const published = await t
      .http()
      .post(`/api/v1/tenants/${slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    expect(published.status).toBe(200);
    return created.body.slug;
  }

  /** What the edge answers for `host` once `done` holds (the edge applies pointers within a second or so). */
  function edgeAnswer(
    host: string,
    page: string,
    done: (answer: Answer) => boolean,
    withinMs = 20_000,
  ): Promise<Answer> {
    return eventually(() => get(nginx!.port, host, page), done, { withinMs, everyMs: 200 });
  }

  it(
    'builds on one worker, continues incrementally on another, and serves, rolls back and suspends through the edge',
    async () => {
      const tenant = await t.given.tenant();
      const admin = await t.given.platformSignedIn('platform_admin');
      const domain = `${tenant.slug}.contoh.go.id`;
      const patched = await t
        .http()
        .patch(`/api/v1/admin/tenants/${tenant.id}`)
        .set(admin.auth)
        .send({ customDomain: domain });
      expect(patched.status).toBe(200);
      const editor = await t.given.memberSignedIn(tenant, 'editor');
      const subdomain = `${tenant.slug}.${SITES_DOMAIN}`;
      opd = { tenant, editor, subdomain };

      // The edge: its own folder, filled only from the bucket.
      const edgeDir = path.join(root, 'edge');
      start('edge', [EDGE_SYNC, '--out', edgeDir, '--interval-ms', '200'], {});
      nginx = await startNginx('nginx', path.join(root, 'run'), {
        LAMAN_SITES_ROOT: edgeDir,
        LAMAN_MEDIA_ORIGIN: apiUrl,
        LAMAN_API_UPSTREAM: apiUrl,
      });

      // Worker A builds the first version (the domain and the news in one queued build).
      const first = await publishNews(editor, tenant.slug, 'Pelayanan KTP keliling di Kecamatan Rajabasa');
      const workerA = startWorker('worker-a');
      const [firstBuild] = await liveBuilds(tenant.slug, editor.auth, 1);
      const home = await edgeAnswer(subdomain, '/', (answer) => answer.body.includes('Rajabasa'));
      expect({ status: home.status, log: nginx.log() }).toEqual({ status: 200, log: '' });
      const byDomain = await edgeAnswer(domain, `/berita/${first}/`, (answer) => answer.status === 200);
      expect(byDomain.body).toContain('Pelayanan KTP keliling di Kecamatan Rajabasa');

      // Worker A goes away; worker B, on an empty folder, builds the next change from the build in the bucket.
      await stop(workerA);
      const second = await publishNews(editor, tenant.slug, 'Jadwal perekaman KTP-el bulan Desember');
      // Worker B keeps one site on its own disk (the portal aside): see the next test.
      workerB = startWorker('worker-b', { SITES_LOCAL_CACHE_SITES: '1' });
      const builds = await liveBuilds(tenant.slug, editor.auth, 2);
      const summary = JSON.parse(builds[0]!.log.trim().split('\n').pop()!) as {
        rendered: number;
        reused: number;
        uploadedFiles: number;
        hashedFiles: number;
      };
      // Incremental on a host that never built this site: the article of worker A's build is reused, and only
      // changed files are uploaded — and read: what the build reuses keeps the hash the bucket's listing gave.
      expect(summary.reused).toBeGreaterThan(0);
      expect(summary.uploadedFiles).toBeGreaterThan(0);
      const files = (
        await readdir(path.join(root, 'worker-b', tenant.slug, 'builds', await liveBuildOf(tenant.slug)), {
          recursive: true,
          withFileTypes: true,
        })
      ).filter((entry) => entry.isFile()).length;
      expect(summary.uploadedFiles).toBeLessThan(files);
      expect(summary.hashedFiles).toBeGreaterThanOrEqual(summary.uploadedFiles);
      expect(summary.hashedFiles).toBeLessThan(files);
      const updated = await edgeAnswer(subdomain, '/', (answer) => answer.body.includes('perekaman KTP-el'));
      expect(updated.body).toContain('Rajabasa');
      expect((await get(nginx.port, domain, `/berita/${second}/`)).status).toBe(200);

      // The city portal travels the same way (its own pointer), built by whichever worker took its job.
      // The portal is built after the OPD, on the niced background builder: a build's budget, not the edge's.
      const portal = await edgeAnswer(
        `portal.${SITES_DOMAIN}`,
        '/',
        (answer) => answer.body.includes('Jadwal perekaman KTP-el bulan Desember'),
        BUILD_MS,
      );
      expect([portal.status, portal.body]).toEqual([200, expect.stringContaining('Kecamatan Rajabasa')]);

      // Rollback through the API: the pointer goes back, the edge follows.
      const rolledBack = await t
        .http()
        .post(`/api/v1/admin/tenants/${tenant.id}/site/rollback`)
        .set(admin.auth)
        .send({ buildId: firstBuild!.id });
      expect(rolledBack.status).toBe(200);
      const older = await edgeAnswer(subdomain, '/', (answer) => !answer.body.includes('perekaman KTP-el'));
      expect([older.status, older.body]).toEqual([200, expect.stringContaining('Rajabasa')]);
      expect((await get(nginx.port, domain, `/berita/${second}/`)).status).toBe(404);

      // The emergency switch: every address of the site answers 503 with the suspension page.
      const suspended = await t
        .http()
        .post(`/api/v1/admin/tenants/${tenant.id}/suspend`)
        .set(admin.auth)
        .send({ reason: 'Konten judi terdeteksi; menunggu pembersihan' });
      expect(suspended.status).toBe(200);
      for (const [host, page] of [
        [subdomain, '/'],
        [domain, `/berita/${first}/`],
      ] as const) {
        const down = await edgeAnswer(host, page, (answer) => answer.status === 503);
        expect({ host, status: down.status }).toEqual({ host, status: 503 });
        expect(down.body).toContain('Situs ini sedang ditangguhkan');
      }
      const reactivated = await t
        .http()
        .post(`/api/v1/admin/tenants/${tenant.id}/reactivate`)
        .set(admin.auth);
      expect(reactivated.status).toBe(200);
      const back = await edgeAnswer(subdomain, '/', (answer) => answer.status === 200);
      expect(back.body).toContain('Rajabasa');
      expect(back.body).not.toContain('perekaman KTP-el');

      // Nothing reached the edge but through the bucket: no worker wrote its folder.
      expect(existsSync(path.join(root, 'api', tenant.slug))).toBe(false);
      expect(nginx.log()).toBe('');
    },
    4 * BUILD_MS,
  );

  it(
    "keeps only a worker's most recently built sites on its disk; a site it let go builds again from the bucket",
    async () => {
      const { tenant, editor, subdomain } = opd;
      const workerDir = path.join(root, 'worker-b');
      const other = await t.given.tenant();
      const otherEditor = await t.given.memberSignedIn(other, 'editor');
      await publishNews(otherEditor, other.slug, 'Posyandu keliling di Kelurahan Kupang Kota');
      await liveBuilds(other.slug, otherEditor.auth, 1);
      // One site kept: the one built last; the first OPD's folder went (the portal is not a site here).
      await eventually(
        async () => existsSync(path.join(workerDir, tenant.slug)),
        (present) => !present,
        { withinMs: 10_000 },
      );
      expect(existsSync(path.join(workerDir, other.slug, 'live'))).toBe(true);

      const before = (await t.http().get(`/api/v1/tenants/${tenant.slug}/builds`).set(editor.auth)).body;
      const livesBefore = (before as BuildView[]).filter((build) => build.status === 'live').length;
      await publishNews(editor, tenant.slug, 'Pendaftaran bantuan sosial dibuka');
      const [latest] = await liveBuilds(tenant.slug, editor.auth, livesBefore + 1);
      const summary = JSON.parse(latest!.log.trim().split('\n').pop()!) as { reused: number };
      // Started from the live build in the bucket: its article pages were reused, not rendered again.
      expect(summary.reused).toBeGreaterThan(0);
      const page = await edgeAnswer(subdomain, '/', (answer) => answer.body.includes('bantuan sosial'));
      expect(page.body).toContain('Rajabasa');
      await eventually(
        async () => existsSync(path.join(workerDir, other.slug)),
        (present) => !present,
        { withinMs: 10_000 },
      );
    },
    3 * BUILD_MS,
  );

  it(
    'a worker killed mid-build: its builders die with it, the pointer stays, and the retry elsewhere goes live',
    async () => {
      const { tenant, editor, subdomain } = opd;
      const pointers = new SitePointers(t.app.get<AppConfig>(APP_CONFIG).sites.store!);
      const before = (await pointers.read(tenant.slug))!.build;
      const livesBefore = (
        (await t.http().get(`/api/v1/tenants/${tenant.slug}/builds`).set(editor.auth)).body as BuildView[]
      ).filter((build) => build.status === 'live').length;

      await publishNews(editor, tenant.slug, 'Berita saat pekerja mati');
      await eventually(
        async () => (await t.http().get(`/api/v1/tenants/${tenant.slug}/builds`).set(editor.auth)).body,
        (builds: BuildView[]) => builds[0]?.status === 'building',
        { withinMs: BUILD_MS, everyMs: 20 },
      );
      const builders = childrenOf(workerB.pid!);
      expect(builders.length).toBeGreaterThan(0);
      await new Promise((resolve) => (workerB.once('exit', resolve), workerB.kill('SIGKILL')));
      expect(await untilGone(builders)).toEqual([]);
      // Nothing of the killed build reached the bucket's pointer.
      expect((await pointers.read(tenant.slug))!.build).toBe(before);

      startWorker('worker-c');
      const [retry] = await liveBuilds(tenant.slug, editor.auth, livesBefore + 1);
      const [output] = await t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
        return manager.query(`SELECT output FROM site_builds WHERE id = $1`, [retry!.id]);
      });
      expect((await pointers.read(tenant.slug))!.build).toBe(output.output);
      const page = await edgeAnswer(subdomain, '/', (answer) => answer.body.includes('pekerja mati'));
      expect(page.status).toBe(200);
    },
    3 * BUILD_MS,
  );
});
