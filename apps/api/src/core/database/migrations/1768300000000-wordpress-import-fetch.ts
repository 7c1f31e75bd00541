import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A queued WordPress import may fetch the old site's files from its address instead of (or besides) an uploads
 * archive: where from (`fetch_from`, the old site's address as it answers now), kept with the run.
 */
export class WordpressImportFetch1768300000000 implements MigrationInterface {
  name = 'WordpressImportFetch1768300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE wordpress_imports ADD COLUMN fetch_from text CHECK (fetch_from ~ '^https?://[^/]+')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE wordpress_imports DROP COLUMN fetch_from`);
  }
}
