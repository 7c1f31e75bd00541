import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Imports run from a durable queue (issue 19): a run waits as `queued` with its export (and uploads archive) in
 * object storage under `export_key` / `uploads_key` until a process that does background work takes it, and
 * keeps what a person should read afterwards — every item that failed, was held, was kept as edited in Laman,
 * or needs a look (`report`, at most a thousand entries) — and why a run failed (`error`).
 */
export class WordpressImportQueue1768200000000 implements MigrationInterface {
  name = 'WordpressImportQueue1768200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE wordpress_imports
        DROP CONSTRAINT wordpress_imports_status_check,
        ADD CONSTRAINT wordpress_imports_status_check
          CHECK (status IN ('queued', 'running', 'done', 'failed', 'undone')),
        ADD COLUMN export_key text,
        ADD COLUMN uploads_key text,
        ADD COLUMN report jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN error text,
        ADD COLUMN progress jsonb NOT NULL DEFAULT '{}'::jsonb;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM wordpress_imports WHERE status = 'queued';
      ALTER TABLE wordpress_imports
        DROP COLUMN export_key, DROP COLUMN uploads_key, DROP COLUMN report, DROP COLUMN error,
        DROP COLUMN progress,
        DROP CONSTRAINT wordpress_imports_status_check,
        ADD CONSTRAINT wordpress_imports_status_check CHECK (status IN ('running', 'done', 'failed', 'undone'));
    `);
  }
}
