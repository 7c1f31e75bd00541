import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config';
import { createDataSource, runMigrations } from '../../src/core/database/data-source';
import { MIGRATIONS } from '../../src/core/database/schema';
import { createApp } from '../../src/create-app';
import { withDatabase } from '../../src/core/database/provision';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Applies every migration before the one named, as a database last migrated by an older version. */
async function migrateUpTo(database: TestDatabase, name: string): Promise<void> {
  const before = MIGRATIONS.findIndex((Migration) => new Migration().name === name);
  const older = createDataSource({ url: database.ownerUrl, poolSize: 1 });
  older.setOptions({ migrations: MIGRATIONS.slice(0, before) });
  await older.initialize();
  await older.runMigrations({ transaction: 'each' });
  await older.destroy();
}

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
        'calendar_days',
        'city_digests',
        'city_items',
        'city_score_days',
        'completeness_scores',
        'content_items',
        'content_revisions',
        'digests',
        'imported_items',
        'information_objections',
        'information_request_events',
        'information_requests',
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
        'survey_responses',
        'survey_totals',
        'tenants',
        'user_tokens',
        'users',
        'wordpress_import_overview',
        'wordpress_imports',
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

  it("carry existing data into kept aggregates: the city's daily average (each OPD's last score carried forward) and each site's latest build", async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      await migrateUpTo(fresh, 'CityScoreDays1766700000000');

      const owner = new Client({ connectionString: fresh.ownerUrl });
      await owner.connect();
      const history = async (
        slug: string,
        status: string,
        scores: Array<[string, number]>,
        builds: Array<[string, string]> = [],
      ) => {
        const [{ id }] = (
          await owner.query(
            `INSERT INTO tenants (slug, name, short_name, kind, status) VALUES ($1, $1, $1, 'dinas', $2) RETURNING id`,
            [slug, status],
          )
        ).rows;
        await owner.query('BEGIN');
        await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
        for (const [day, score] of scores)
          await owner.query(
            `INSERT INTO completeness_scores (tenant_id, day, score, band, content_version) VALUES ($1, $2, $3, 'x', 1)`,
            [id, day, score],
          );
        for (const [buildStatus, finishedAt] of builds)
          await owner.query(
            `INSERT INTO site_builds (tenant_id, status, trigger, started_at, finished_at, log)
             VALUES ($1, $2, 'content.published', $3, $3, '')`,
            [id, buildStatus, finishedAt],
          );
        await owner.query('COMMIT');
      };
      await history(
        'dinas-a',
        'active',
        [
          ['2026-11-01', 40],
          ['2026-11-03', 60],
        ],
        [
          ['live', '2026-11-03T10:00:00Z'],
          ['failed', '2026-11-02T10:00:00Z'],
        ],
      );
      await history('dinas-b', 'active', [['2026-11-02', 80]], [['held', '2026-11-02T10:00:00Z']]);
      await history('dinas-c', 'suspended', [['2026-11-01', 0]]);
      expect(await runMigrations(fresh.ownerUrl)).toContain('CityScoreDays1766700000000');
      const days = await owner.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, average::float AS average, opds FROM city_score_days ORDER BY day`,
      );
      // Each OPD's latest finished build outcome is on its row for the sites page.
      const statuses = await owner.query(`SELECT slug, site_status FROM tenants ORDER BY slug`);
      await owner.end();
      expect(statuses.rows).toEqual([
        { slug: 'dinas-a', site_status: 'live' },
        { slug: 'dinas-b', site_status: 'held' },
        { slug: 'dinas-c', site_status: null },
      ]);
      // A suspended OPD does not count; on the 2nd, dinas-a's 40 still holds.
      expect(days.rows).toEqual([
        { day: '2026-11-01', average: 40, opds: 1 },
        { day: '2026-11-02', average: 60, opds: 2 },
        { day: '2026-11-03', average: 70, opds: 2 },
      ]);
    } finally {
      await fresh.drop();
    }
  });

  it("carry imports recorded before into the city-wide view: each OPD's latest run", async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      await migrateUpTo(fresh, 'WordpressImportOverview1768400000000');

      const owner = new Client({ connectionString: fresh.ownerUrl });
      await owner.connect();
      const runs = async (slug: string, recorded: Array<[string, string]>) => {
        const [{ id }] = (
          await owner.query(
            `INSERT INTO tenants (slug, name, short_name, kind) VALUES ($1, $1, $1, 'dinas') RETURNING id`,
            [slug],
          )
        ).rows;
        await owner.query('BEGIN');
        await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
        for (const [status, startedAt] of recorded)
          await owner.query(
            `INSERT INTO wordpress_imports (tenant_id, source_url, status, started_at, report)
             VALUES ($1, 'https://lama.example.go.id', $2, $3, '[{"title":"x"}]')`,
            [id, status, startedAt],
          );
        await owner.query('COMMIT');
      };
      await runs('dinas-a', [
        ['done', '2026-10-01T08:00:00Z'],
        ['failed', '2026-10-02T08:00:00Z'],
      ]);
      await runs('dinas-b', []);
      expect(await runMigrations(fresh.ownerUrl)).toContain('WordpressImportOverview1768400000000');
      const overview = await owner.query(
        `SELECT t.slug, o.status, o.notes FROM wordpress_import_overview o
           JOIN tenants t ON t.id = o.about_tenant_id ORDER BY t.slug`,
      );
      await owner.end();
      expect(overview.rows).toEqual([{ slug: 'dinas-a', status: 'failed', notes: 1 }]);
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
