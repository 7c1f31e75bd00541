import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A PPID's answer may carry files from the OPD's media library (the information itself, or a document that
 * holds it): their ids on the answer's step. The requester reaches them only through the status lookup (code and
 * contact), which hands out addresses signed for an hour or two; the files are not made public.
 */
export class RequestAttachments1768000000000 implements MigrationInterface {
  name = 'RequestAttachments1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE information_request_events
        ADD COLUMN attachments uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(attachments) <= 10);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE information_request_events DROP COLUMN attachments`);
  }
}
