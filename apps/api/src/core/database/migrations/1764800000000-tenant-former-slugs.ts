import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An OPD renamed with a new slug keeps its old ones: the public API and the old site address keep reaching
 * it, and no other OPD can take them.
 */
export class TenantFormerSlugs1764800000000 implements MigrationInterface {
  name = 'TenantFormerSlugs1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants ADD COLUMN former_slugs text[] NOT NULL DEFAULT '{}';
      CREATE INDEX tenants_former_slugs_idx ON tenants USING gin (former_slugs);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tenants DROP COLUMN former_slugs`);
  }
}
