import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the PPID did with each request, in order (issue 18): a clarification asked, the one extension (with its
 * reason and new due day), the decision (granted, partly granted, refused citing an entry of the OPD's published
 * *dikecualikan* list, not held) with the answer to the requester, or a forward to another OPD. Each step's
 * message is what the requester reads on the status page; no personal data is kept here. The request itself
 * keeps when it was answered (for the register and the yearly report) and whether it was extended (once only).
 * A forwarded request's new row names where it came from; the old row where it went.
 */
export class InformationRequestEvents1767200000000 implements MigrationInterface {
  name = 'InformationRequestEvents1767200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE information_requests
        ADD COLUMN answered_at timestamptz,
        ADD COLUMN extended boolean NOT NULL DEFAULT false,
        ADD COLUMN forwarded_from_code text,
        ADD COLUMN forwarded_to_code text;
      CREATE TABLE information_request_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        request_id uuid NOT NULL REFERENCES information_requests(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('clarification', 'extended', 'granted', 'partly_granted', 'refused',
                                           'not_held', 'forwarded')),
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        message text NOT NULL CHECK (length(message) BETWEEN 10 AND 4000),
        exemption_item_id uuid,
        exemption_title text,
        media_ids uuid[] NOT NULL DEFAULT '{}',
        due_on date,
        CHECK (kind NOT IN ('refused', 'partly_granted') OR exemption_item_id IS NOT NULL)
      );
      CREATE INDEX information_request_events_request_idx ON information_request_events (request_id, at);
      ALTER TABLE information_request_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE information_request_events FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON information_request_events
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT ON information_request_events TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE information_request_events;
      ALTER TABLE information_requests DROP COLUMN answered_at, DROP COLUMN extended,
        DROP COLUMN forwarded_from_code, DROP COLUMN forwarded_to_code;
    `);
  }
}
