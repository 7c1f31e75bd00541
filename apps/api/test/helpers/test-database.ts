import { randomBytes } from 'node:crypto';
import { runMigrations } from '../../src/core/database/data-source';
import { dropDatabase, provisionDatabase } from '../../src/core/database/provision';

export interface TestDatabase {
  name: string;
  superuserUrl: string;
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, on the run's PostgreSQL server. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const superuserUrl = process.env['LAMAN_TEST_SUPERUSER_URL'];
  if (!superuserUrl)
    throw new Error('LAMAN_TEST_SUPERUSER_URL is not set: run tests through jest (global setup)');
  const name = `laman_test_${randomBytes(6).toString('hex')}`;
  const urls = await provisionDatabase(superuserUrl, {
    database: name,
    ownerPassword: 'owner-test-pw',
    appPassword: 'app-test-pw',
  });
  if (options.migrate !== false) await runMigrations(urls.ownerUrl);
  return { name, superuserUrl, ...urls, drop: () => dropDatabase(superuserUrl, name) };
}
