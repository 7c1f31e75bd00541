import 'reflect-metadata';
import { ConfigError, loadConfig } from '../core/config/app-config';
import { createDataSource, runMigrations } from '../core/database/data-source';
import { createApp } from '../core/http/create-app';
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
    const config = loadConfig(process.env, runtime.defaults);
    await runMigrations(config.database.ownerUrl);
    const seeded = await seedOnce(config.database.url);
    const app = await createApp(config);
    if (seeded) await seedDemoContent(app, seeded.tenants);
    await app.listen(config.port, config.host);
    printBanner(
      config.publicApiUrl,
      runtime.embedded?.port ?? null,
      runtime.dataDir,
      seeded?.logins ?? null,
      performance.now() - started,
    );

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping the API and the database…`);
      await app.close();
      await stopDatabase();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

async function seedOnce(appUrl: string): Promise<DemoDirectory | null> {
  const dataSource = await createDataSource({
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
    '  (same pattern for bapperida, disdukcapil, dpmptsp, kec-teluk-betung-utara)',
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
