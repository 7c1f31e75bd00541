import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/core/database/embedded-postgres';

/**
 * One real PostgreSQL for the whole run: the given DATABASE_URL (a role that may create roles and databases),
 * or a throwaway embedded server on a free port. Each test file then makes its own database in it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL']) {
    process.env['LAMAN_TEST_SUPERUSER_URL'] = process.env['DATABASE_URL'];
    return;
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'laman-test-pg-'));
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(parent, 'data'),
    port: await freePort(),
    superuserPassword: 'laman-test-superuser',
    throwaway: true,
  });
  (globalThis as Record<string, unknown>)['__LAMAN_TEST_PG__'] = { server, parent };
  process.env['LAMAN_TEST_SUPERUSER_URL'] = server.superuserUrl();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
