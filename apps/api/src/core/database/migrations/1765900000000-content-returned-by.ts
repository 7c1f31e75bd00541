import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Who sent a draft back to its author: an editor (with a note) or the spam guard (with its findings). The admin
 * shows the two differently; before this, it had to recognise the guard's wording in the note.
 */
export class ContentReturnedBy1765900000000 implements MigrationInterface {
  name = 'ContentReturnedBy1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE content_items ADD COLUMN returned_by text
         CONSTRAINT content_items_returned_by_check CHECK (returned_by IN ('editor', 'spam_guard'))`,
    );
    // The backfill spans every OPD: row-level security is lifted for the owner inside this transaction only.
    await db.query(`ALTER TABLE content_items NO FORCE ROW LEVEL SECURITY`);
    await db.query(
      `UPDATE content_items SET returned_by = CASE
         WHEN review_comment LIKE 'Ditahan penyaring spam%' THEN 'spam_guard' ELSE 'editor' END
       WHERE review_comment IS NOT NULL`,
    );
    await db.query(`ALTER TABLE content_items FORCE ROW LEVEL SECURITY`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE content_items DROP COLUMN returned_by`);
  }
}
