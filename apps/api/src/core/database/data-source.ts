import { DataSource } from 'typeorm';
import { installQueue } from '../queue/install-queue';
import { ENTITIES, MIGRATIONS } from './schema';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: options.applicationName ?? 'laman-api',
    poolSize: options.poolSize ?? 10,
  });
}

/** Applies pending migrations as the owning role. Safe to call on every start: applied ones are skipped. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'laman-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await installQueue(ownerUrl);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
