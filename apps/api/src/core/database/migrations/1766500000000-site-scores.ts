import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each OPD's current completeness score, kept instead of computed per request: the monitors' dashboard and the
 * portal's transparency page read one row per OPD. A row is good while the OPD's content version is the one
 * it was scored for and until `changes_at`, the first moment time alone can move it (an item crossing an age
 * limit, a new month); the score pass finds what is due through that index. The score history now records a
 * day only when the score was computed that day; readers carry the last score forward (it held until it
 * changed). A platform table (scores are what the portal may publish), like `platform_alerts`.
 */
export class SiteScores1766500000000 implements MigrationInterface {
  name = 'SiteScores1766500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE site_scores (
        about_tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
        band text NOT NULL,
        band_label text NOT NULL,
        checks jsonb NOT NULL,
        content_version bigint NOT NULL,
        scored_at timestamptz NOT NULL,
        changes_at timestamptz NOT NULL
      );
      CREATE INDEX site_scores_changes_at_idx ON site_scores (changes_at);
      GRANT SELECT, INSERT, UPDATE, DELETE ON site_scores TO laman_app;
      ALTER TABLE tenants DROP COLUMN scored_version, DROP COLUMN scored_on;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE site_scores;
      ALTER TABLE tenants ADD COLUMN scored_version bigint, ADD COLUMN scored_on date;
    `);
  }
}
