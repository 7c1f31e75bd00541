import { loadConfig } from '../core/config/app-config';
import { runMigrations } from '../core/database/data-source';
import { prepareLocalRuntime } from './local-runtime';

/** `pnpm migrate`: applies pending migrations to DATABASE_OWNER_URL (or DATABASE_URL, or the embedded database). */
async function main(): Promise<void> {
  const runtime = await prepareLocalRuntime();
  try {
    const config = loadConfig(process.env, runtime.defaults);
    const applied = await runMigrations(config.database.ownerUrl);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
  } finally {
    await runtime.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
