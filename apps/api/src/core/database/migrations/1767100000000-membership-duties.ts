import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Duties a member holds beside their role: `ppid_officer` (answers information requests and sees the requesters'
 * personal data) and `ppid_superior` (the atasan PPID, who decides objections). A duty is not a rung on the
 * contributor–editor–admin ladder: the PPID officer is often not a publisher, and a publisher must not see
 * requesters' personal data because of it; the OPD's admin gives and takes duties.
 */
export class MembershipDuties1767100000000 implements MigrationInterface {
  name = 'MembershipDuties1767100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE memberships ADD COLUMN duties text[] NOT NULL DEFAULT '{}'
        CHECK (duties <@ ARRAY['ppid_officer', 'ppid_superior']::text[]);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE memberships DROP COLUMN duties`);
  }
}
