import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each OPD's completeness score, one row per day (WIB), kept so trends can be charted: rewritten when the
 * OPD's public content changes that day, and written afresh each day (deadlines pass with nobody touching
 * anything). Tenant-owned. The tenant remembers which content version and day it was last scored for, so the
 * recorder finds what is due with one query, outside any tenant's scope.
 */
export class ScoreHistory1764900000000 implements MigrationInterface {
  name = 'ScoreHistory1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE completeness_scores (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        day date NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
        band text NOT NULL,
        failed_checks text[] NOT NULL DEFAULT '{}',
        content_version bigint NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, day)
      );
      ALTER TABLE completeness_scores ENABLE ROW LEVEL SECURITY;
      ALTER TABLE completeness_scores FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON completeness_scores
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE ON completeness_scores TO laman_app;
      ALTER TABLE tenants ADD COLUMN scored_version bigint, ADD COLUMN scored_on date;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE completeness_scores;
      ALTER TABLE tenants DROP COLUMN scored_version, DROP COLUMN scored_on;
    `);
  }
}
