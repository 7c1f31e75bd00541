import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What a person is told about the workflow (their item published or sent back, an item waiting for their
 * review): one row per recipient, read in the app and sent by e-mail when SMTP is set. Keyed by the recipient
 * (a person may work in several OPDs); written in the transaction of the change it tells about.
 */
export class Notifications1765700000000 implements MigrationInterface {
  name = 'Notifications1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('published', 'returned', 'submitted', 'held')),
        item_id uuid,
        title text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        email_status text
      );
      CREATE INDEX notifications_recipient_idx ON notifications (user_id, created_at DESC);
      CREATE INDEX notifications_unsent_idx ON notifications (created_at) WHERE emailed_at IS NULL;
      GRANT SELECT, INSERT, UPDATE ON notifications TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
  }
}
