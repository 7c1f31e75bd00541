import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The requester's answer to the PPID's request for clarification, from the status page, is a step of the
 * request like the PPID's own (kind `clarified`, no officer behind it).
 */
export class RequestClarified1767300000000 implements MigrationInterface {
  name = 'RequestClarified1767300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE information_request_events DROP CONSTRAINT information_request_events_kind_check;
      ALTER TABLE information_request_events ADD CONSTRAINT information_request_events_kind_check
        CHECK (kind IN ('clarification', 'clarified', 'extended', 'granted', 'partly_granted', 'refused',
                        'not_held', 'forwarded'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM information_request_events WHERE kind = 'clarified';
      ALTER TABLE information_request_events DROP CONSTRAINT information_request_events_kind_check;
      ALTER TABLE information_request_events ADD CONSTRAINT information_request_events_kind_check
        CHECK (kind IN ('clarification', 'extended', 'granted', 'partly_granted', 'refused', 'not_held',
                        'forwarded'));
    `);
  }
}
