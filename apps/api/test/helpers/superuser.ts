import { Client } from 'pg';
import { type TestDatabase } from './test-database';

/**
 * One statement on a test database as the PostgreSQL superuser: past row-level security, to check what an
 * attack wrote, or to move a stored clock back as if time had passed.
 */
export async function asSuperuser<T = Record<string, unknown>>(
  database: TestDatabase,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const url = new URL(database.superuserUrl);
  url.pathname = `/${database.name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
