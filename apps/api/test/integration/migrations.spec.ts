import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config';
import { runMigrations } from '../../src/core/database/data-source';
import { MIGRATIONS } from '../../src/core/database/schema';
import { createApp } from '../../src/core/http/create-app';
import { withDatabase } from '../../src/core/database/provision';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('schema migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.drop());

  it('apply to an empty database, then do nothing on the next start', async () => {
    const first = await runMigrations(database.ownerUrl);
    expect(first).toEqual(MIGRATIONS.map((Migration) => new Migration().name));
    expect(first[0]).toBe('Foundation1764300000000');
    expect(await runMigrations(database.ownerUrl)).toEqual([]);

    const owner = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
    try {
      const tables = (
        await owner.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
      ).map((row: { tablename: string }) => row.tablename);
      expect(tables).toEqual([
        'audit_events',
        'auth_sessions',
        'city_digests',
        'city_items',
        'completeness_scores',
        'content_items',
        'content_revisions',
        'digests',
        'media',
        'memberships',
        'notifications',
        'oversight_policy',
        'platform_alerts',
        'portal_builds',
        'published_content',
        'request_throttles',
        'schema_migrations',
        'sign_in_failures',
        'site_builds',
        'site_change_events',
        'site_scores',
        'site_settings',
        'spam_terms',
        'tenants',
        'user_tokens',
        'users',
      ]);
      expect(await owner.query(`SELECT name FROM schema_migrations ORDER BY id`)).toEqual(
        first.map((name) => ({ name })),
      );
    } finally {
      await owner.destroy();
    }
  });

  it('apply once when several replicas start together on an empty database', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      const runs = await Promise.allSettled([1, 2, 3].map(() => runMigrations(fresh.ownerUrl)));
      expect(runs.map((run) => run.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied = runs.map((run) => (run as PromiseFulfilledResult<string[]>).value);
      // One replica applied every migration, the others found nothing left to do.
      expect(applied.map((names) => names.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
    } finally {
      await fresh.drop();
    }
  });

  it('leave the API role without rights to change the schema or to rewrite the audit log', async () => {
    const app = await new DataSource({ type: 'postgres', url: database.appUrl }).initialize();
    try {
      await expect(app.query(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DROP TABLE users`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE content_revisions SET data = '{}'`)).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await app.destroy();
    }
  });

  it('refuse to serve the API over a connection that bypasses row-level security', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: withDatabase(database.superuserUrl, database.name),
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    });
    await expect(createApp(config)).rejects.toThrow(/bypasses row-level security/);
  });
});
