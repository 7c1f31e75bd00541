import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * How far the week's digests got: each OPD notes the last week its digest was written for, so a digest pass
 * takes the next batch of OPDs still owed one (through an index) instead of walking every OPD each time; the
 * city summary follows once none is left.
 */
export class DigestProgress1766600000000 implements MigrationInterface {
  name = 'DigestProgress1766600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants ADD COLUMN digested_week text;
      CREATE INDEX tenants_digested_week_idx ON tenants (digested_week) WHERE status = 'active';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tenants DROP COLUMN digested_week`);
  }
}
