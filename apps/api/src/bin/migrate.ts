import { runMigrations } from '../core/database/data-source';
import { runCommand } from './local-runtime';

/** `pnpm migrate`: applies pending migrations to DATABASE_OWNER_URL (or DATABASE_URL, or the embedded database). */
runCommand(async (config) => {
  const applied = await runMigrations(config.database.ownerUrl);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
});
