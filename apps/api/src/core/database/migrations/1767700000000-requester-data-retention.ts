import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A requester's personal data is kept only as long as needed (UU 27/2022): once a request is closed — answered
 * or forwarded, and any objection answered — for PPID_RETENTION_DAYS, then erased. The row stays in the
 * register anonymised: no name, address, e-mail, phone, purpose or contact lookup (the status page no longer
 * finds it), and the requester's own words (clarifications, the objection's statement) replaced by a note. A
 * constraint holds the two states apart. `tenants.requests_retention_checked_on` lets the daily sweep visit each
 * OPD once a day. The API role may change only the message of a step, nothing else of it.
 */
export class RequesterDataRetention1767700000000 implements MigrationInterface {
  name = 'RequesterDataRetention1767700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE information_requests
        ALTER COLUMN requester_name DROP NOT NULL,
        ALTER COLUMN requester_address DROP NOT NULL,
        ALTER COLUMN purpose DROP NOT NULL,
        DROP CONSTRAINT information_requests_contact_lookups_check,
        ADD CONSTRAINT information_requests_contact_lookups_check CHECK (cardinality(contact_lookups) <= 2),
        ADD COLUMN personal_data_erased_at timestamptz,
        ADD CONSTRAINT information_requests_personal_data_check CHECK (CASE
          WHEN personal_data_erased_at IS NULL THEN requester_name IS NOT NULL AND requester_address IS NOT NULL
            AND purpose IS NOT NULL AND cardinality(contact_lookups) >= 1
          ELSE requester_name IS NULL AND requester_address IS NULL AND requester_email IS NULL
            AND requester_phone IS NULL AND purpose IS NULL AND cardinality(contact_lookups) = 0 END);
      CREATE INDEX information_requests_retention_idx ON information_requests (tenant_id, answered_at)
        WHERE personal_data_erased_at IS NULL AND answered_at IS NOT NULL;
      ALTER TABLE tenants ADD COLUMN requests_retention_checked_on date;
      GRANT UPDATE (message) ON information_request_events TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      REVOKE UPDATE (message) ON information_request_events FROM laman_app;
      ALTER TABLE tenants DROP COLUMN requests_retention_checked_on;
      DROP INDEX information_requests_retention_idx;
      DELETE FROM information_requests WHERE personal_data_erased_at IS NOT NULL;
      ALTER TABLE information_requests
        DROP CONSTRAINT information_requests_personal_data_check,
        DROP COLUMN personal_data_erased_at,
        DROP CONSTRAINT information_requests_contact_lookups_check,
        ADD CONSTRAINT information_requests_contact_lookups_check CHECK (cardinality(contact_lookups) BETWEEN 1 AND 2),
        ALTER COLUMN requester_name SET NOT NULL,
        ALTER COLUMN requester_address SET NOT NULL,
        ALTER COLUMN purpose SET NOT NULL;
    `);
  }
}
