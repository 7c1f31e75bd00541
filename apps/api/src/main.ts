import 'reflect-metadata';
import { ConfigError, loadConfig } from './core/config/app-config';
import { runMigrations } from './core/database/data-source';
import { createApp } from './create-app';

/** Production entry point: configuration from the environment only (the configuration reference: apps/docs, operator/konfigurasi). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.migrateOnStart) await runMigrations(config.database.ownerUrl);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
