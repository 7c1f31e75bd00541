import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Citizens' information requests (UU 14/2008), one OPD's rows each. The requester's name, address, e-mail and
 * phone are sealed per field (AES-256-GCM, `core/crypto/personal-data-cipher.ts`); `contact_lookups` holds keyed
 * hashes of the e-mail and phone, so the status page finds a request by its tracking code and the contact given
 * without the contact being stored in the clear. What was asked, why, and the clock (`due_on`: the 10th working
 * day after receipt) are the register's and stay readable.
 */
export class InformationRequests1767000000000 implements MigrationInterface {
  name = 'InformationRequests1767000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE information_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        code text NOT NULL CONSTRAINT information_requests_code_key UNIQUE,
        status text NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'clarification', 'extended', 'granted', 'partly_granted', 'refused',
                            'not_held', 'forwarded')),
        received_at timestamptz NOT NULL DEFAULT now(),
        due_on date NOT NULL,
        requester_name text NOT NULL,
        requester_address text NOT NULL,
        requester_email text,
        requester_phone text,
        contact_lookups text[] NOT NULL CHECK (cardinality(contact_lookups) BETWEEN 1 AND 2),
        information text NOT NULL CHECK (length(information) BETWEEN 10 AND 2000),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 10 AND 1000),
        delivery text NOT NULL CHECK (delivery IN ('email', 'pickup', 'post')),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX information_requests_queue_idx ON information_requests (tenant_id, status, due_on);
      ALTER TABLE information_requests ENABLE ROW LEVEL SECURITY;
      ALTER TABLE information_requests FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON information_requests
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE ON information_requests TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE information_requests`);
  }
}
