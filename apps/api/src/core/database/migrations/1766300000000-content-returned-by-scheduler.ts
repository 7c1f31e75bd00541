import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A scheduled item that can no longer go live when its time comes (its document file was removed, its end date
 * passed, a photo lost its alt text) goes back to its author as a draft, sent back by the scheduler.
 */
export class ContentReturnedByScheduler1766300000000 implements MigrationInterface {
  name = 'ContentReturnedByScheduler1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE content_items DROP CONSTRAINT content_items_returned_by_check`);
    await db.query(
      `ALTER TABLE content_items ADD CONSTRAINT content_items_returned_by_check
         CHECK (returned_by IN ('editor', 'spam_guard', 'scheduler'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE content_items DROP CONSTRAINT content_items_returned_by_check`);
    await db.query(
      `ALTER TABLE content_items ADD CONSTRAINT content_items_returned_by_check
         CHECK (returned_by IN ('editor', 'spam_guard')) NOT VALID`,
    );
  }
}
