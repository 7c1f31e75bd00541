import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the city expects of every OPD's site (one row, set by platform admins), and each OPD's own
 * differences from it (on the tenant, also set by platform admins). Neither is tenant-owned data.
 */
export class OversightPolicy1765000000000 implements MigrationInterface {
  name = 'OversightPolicy1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE oversight_policy (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        policy jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL
      );
      GRANT SELECT, INSERT, UPDATE ON oversight_policy TO laman_app;
      ALTER TABLE tenants ADD COLUMN oversight_policy jsonb;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE oversight_policy;
      ALTER TABLE tenants DROP COLUMN oversight_policy;
    `);
  }
}
