import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** One row per build of an OPD's public site: what triggered it, how long it took, how it ended. Tenant-owned. */
export class Builds1764600000000 implements MigrationInterface {
  name = 'Builds1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE site_builds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('building','live','failed')),
        trigger text NOT NULL,
        job_id text,
        attempt integer NOT NULL DEFAULT 1,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        duration_ms integer,
        build_ms integer,
        pages integer,
        log text NOT NULL DEFAULT ''
      );
      CREATE INDEX site_builds_recent_idx ON site_builds (tenant_id, started_at DESC);
      ALTER TABLE site_builds ENABLE ROW LEVEL SECURITY;
      ALTER TABLE site_builds FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON site_builds
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE ON site_builds TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE site_builds`);
  }
}
