import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Refresh rotation that survives two tabs: the secret a session was last rotated from is kept for a short
 * grace window, so a concurrent refresh with it gets the same new pair instead of ending the session.
 */
export class RefreshGrace1765500000000 implements MigrationInterface {
  name = 'RefreshGrace1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE auth_sessions ADD COLUMN previous_secret_hash text, ADD COLUMN rotated_at timestamptz;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE auth_sessions DROP COLUMN rotated_at, DROP COLUMN previous_secret_hash`);
  }
}
