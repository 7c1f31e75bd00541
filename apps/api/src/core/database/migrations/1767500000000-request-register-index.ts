import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The request register and the yearly report read one OPD's requests by the day they were received. */
export class RequestRegisterIndex1767500000000 implements MigrationInterface {
  name = 'RequestRegisterIndex1767500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX information_requests_register_idx ON information_requests (tenant_id, received_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX information_requests_register_idx`);
  }
}
