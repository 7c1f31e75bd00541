import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Each build of the city portal, as OPD site builds are recorded: trigger, timing, outcome, the builder's log. */
export class PortalBuilds1765200000000 implements MigrationInterface {
  name = 'PortalBuilds1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE portal_builds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL CHECK (status IN ('building','live','failed')),
        trigger text NOT NULL,
        job_id text,
        attempt integer NOT NULL DEFAULT 1,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        duration_ms integer,
        log text NOT NULL DEFAULT ''
      );
      CREATE INDEX portal_builds_recent_idx ON portal_builds (started_at DESC);
      GRANT SELECT, INSERT, UPDATE ON portal_builds TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE portal_builds`);
  }
}
