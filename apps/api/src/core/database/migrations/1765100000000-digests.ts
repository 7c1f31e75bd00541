import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Weekly digests: one per OPD per week (tenant-owned: what is missing or due soon on its site) and one city
 * summary per week for monitors (platform data). Every digest is kept with its text and how sending went,
 * so it can be read in the app and a send is never repeated. An OPD may opt out of e-mail.
 */
export class Digests1765100000000 implements MigrationInterface {
  name = 'Digests1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants ADD COLUMN digest_opt_out boolean NOT NULL DEFAULT false;
      CREATE TABLE digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        week text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        recipients text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('sending','sent','skipped','failed')),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT digests_tenant_week_key UNIQUE (tenant_id, week)
      );
      ALTER TABLE digests ENABLE ROW LEVEL SECURITY;
      ALTER TABLE digests FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON digests
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE ON digests TO laman_app;
      CREATE TABLE city_digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        week text NOT NULL UNIQUE,
        subject text NOT NULL,
        body text NOT NULL,
        recipients text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('sending','sent','skipped','failed')),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      GRANT SELECT, INSERT, UPDATE ON city_digests TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE digests;
      DROP TABLE city_digests;
      ALTER TABLE tenants DROP COLUMN digest_opt_out;
    `);
  }
}
