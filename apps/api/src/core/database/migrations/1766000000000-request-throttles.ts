import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Request rate limits shared by every API replica (issue 17: kept per process, two replicas allowed twice the
 * limit). One row per throttled key and window. UNLOGGED: a limit's state is worth no WAL, and losing it in a
 * crash only forgets some counts.
 */
export class RequestThrottles1766000000000 implements MigrationInterface {
  name = 'RequestThrottles1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE request_throttles (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_ends timestamptz NOT NULL,
        blocked_until timestamptz
      );
      CREATE INDEX request_throttles_window_idx ON request_throttles (window_ends);
      GRANT SELECT, INSERT, UPDATE, DELETE ON request_throttles TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE request_throttles`);
  }
}
