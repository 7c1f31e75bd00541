import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Builds record their per-build checks and may be held (spam found: the previous site stays live); each
 * build names its output folder, so a platform admin can roll back to it. Platform alerts tell platform
 * admins what needs them across all OPDs (a held build first). They are platform rows about a tenant
 * (`about_tenant_id`), never shown to tenants, so they sit outside tenant row-level security.
 */
export class BuildChecks1764700000000 implements MigrationInterface {
  name = 'BuildChecks1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE site_builds DROP CONSTRAINT site_builds_status_check;
      ALTER TABLE site_builds ADD CONSTRAINT site_builds_status_check
        CHECK (status IN ('building','live','failed','held'));
      ALTER TABLE site_builds ADD COLUMN checks jsonb;
      ALTER TABLE site_builds ADD COLUMN output text;
      CREATE TABLE platform_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        about_tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
        kind text NOT NULL,
        message text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      );
      CREATE INDEX platform_alerts_open_idx ON platform_alerts (created_at DESC) WHERE resolved_at IS NULL;
      GRANT SELECT, INSERT, UPDATE ON platform_alerts TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE platform_alerts;
      ALTER TABLE site_builds DROP COLUMN output, DROP COLUMN checks;
      ALTER TABLE site_builds DROP CONSTRAINT site_builds_status_check;
      ALTER TABLE site_builds ADD CONSTRAINT site_builds_status_check CHECK (status IN ('building','live','failed'));
    `);
  }
}
