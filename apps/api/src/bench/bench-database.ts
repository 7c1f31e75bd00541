import { Client } from 'pg';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMigrations } from '../core/database/data-source';
import { startEmbeddedPostgres } from '../core/database/embedded-postgres';
import { provisionDatabase } from '../core/database/provision';

export interface BenchDatabase {
  superuserUrl: string;
  ownerUrl: string;
  appUrl: string;
  /**
   * Another migrated database on the same server (same roles, same cores, same buffers): a second city to
   * measure beside this one under the same conditions. Stopping this database stops the server with it.
   */
  sibling(name: string): Promise<BenchDatabase>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL for a benchmark run (or the given DATABASE_URL, which must be a superuser's). */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env['DATABASE_URL'];
  const parent = mkdtempSync(path.join(tmpdir(), 'laman-bench-'));
  chmodSync(parent, 0o755);
  const server = given
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(parent, 'pg'),
        port: await freePort(),
        superuserPassword: 'bench',
        throwaway: true,
      });
  const serverUrl = given ?? server!.superuserUrl();
  const stopServer = async () => {
    await server?.stop();
    rmSync(parent, { recursive: true, force: true });
  };
  return migratedDatabase(serverUrl, `laman_bench_${process.pid}`, stopServer);
}

/** Provisions and migrates one database on the bench's server; `stop` is the server's. */
async function migratedDatabase(
  serverUrl: string,
  database: string,
  stop: () => Promise<void>,
): Promise<BenchDatabase> {
  const urls = await provisionDatabase(serverUrl, {
    database,
    ownerPassword: 'bench-owner',
    appPassword: 'bench-app',
  });
  await runMigrations(urls.ownerUrl);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${database}`;
  return {
    superuserUrl: dbUrl.toString(),
    ...urls,
    sibling: (name) => migratedDatabase(serverUrl, `${database}_${name}`, async () => undefined),
    stop,
  };
}

/** A superuser session on the bench's own database (reads past row-level security). */
export async function superuserOn(database: BenchDatabase): Promise<Client> {
  const url = new URL(database.superuserUrl);
  url.pathname = new URL(database.appUrl).pathname;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}
