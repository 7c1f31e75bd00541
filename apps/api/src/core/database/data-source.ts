import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { installQueue } from '../queue/install-queue';
import { type EntitySchema, type MixedList } from 'typeorm';
import { MIGRATIONS } from './schema';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /**
   * The mapped tables: the application's list (`src/entities.ts`, each module contributing its own); none for
   * running migrations, which are SQL.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities?: MixedList<Function | string | EntitySchema>;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
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

/** The advisory lock every starting replica takes before it migrates (a constant: "laman-migrate"). */
const MIGRATION_LOCK = 0x6c616d616e;

/**
 * Applies pending migrations as the owning role. Safe to call on every start: applied ones are skipped. Several
 * replicas starting together take turns on a PostgreSQL advisory lock (held by a session of its own, so it goes
 * if the process dies): the first applies everything, the others then find nothing to do. Without it, two
 * replicas on an empty database both tried the first migration and one crashed.
 */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const lock = new Client({ connectionString: ownerUrl, application_name: 'laman-migrate-lock' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const dataSource = createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'laman-migrate' });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      await installQueue(ownerUrl);
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end();
  }
}
