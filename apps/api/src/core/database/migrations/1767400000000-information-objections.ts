import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Objections (keberatan, UU 14/2008 art. 35–37): the requester objects to the answer (or to no answer) within
 * 30 working days, one objection per request; the OPD's *atasan PPID* answers within 30 working days — upheld or
 * rejected, with reasons — and the requester may then go to the Komisi Informasi within 14 working days
 * (`dispute_until`). The statement is the requester's own account of the case and holds no contact data (those
 * stay sealed on the request). Filing and answering are also steps of the request, so the status page and the
 * PPID's desk read them in order with the rest.
 */
export class InformationObjections1767400000000 implements MigrationInterface {
  name = 'InformationObjections1767400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE information_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        request_id uuid NOT NULL UNIQUE REFERENCES information_requests(id) ON DELETE CASCADE,
        reasons text[] NOT NULL CHECK (cardinality(reasons) BETWEEN 1 AND 7 AND reasons <@ ARRAY['refusal',
          'periodic_not_published', 'no_answer', 'not_as_asked', 'not_fulfilled', 'unreasonable_cost', 'late']),
        statement text NOT NULL CHECK (length(statement) BETWEEN 10 AND 4000),
        received_at timestamptz NOT NULL DEFAULT now(),
        due_on date NOT NULL,
        outcome text CHECK (outcome IN ('upheld', 'rejected')),
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decision text CHECK (length(decision) BETWEEN 10 AND 4000),
        dispute_until date,
        CHECK ((outcome IS NULL) = (decided_at IS NULL) AND (outcome IS NULL) = (decision IS NULL)
               AND (outcome IS NULL) = (dispute_until IS NULL))
      );
      CREATE INDEX information_objections_open_idx ON information_objections (tenant_id, due_on)
        WHERE outcome IS NULL;
      ALTER TABLE information_objections ENABLE ROW LEVEL SECURITY;
      ALTER TABLE information_objections FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON information_objections
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE ON information_objections TO laman_app;

      ALTER TABLE information_request_events DROP CONSTRAINT information_request_events_kind_check;
      ALTER TABLE information_request_events ADD CONSTRAINT information_request_events_kind_check
        CHECK (kind IN ('clarification', 'clarified', 'extended', 'granted', 'partly_granted', 'refused',
                        'not_held', 'forwarded', 'objected', 'objection_upheld', 'objection_rejected'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM information_request_events WHERE kind IN ('objected', 'objection_upheld', 'objection_rejected');
      ALTER TABLE information_request_events DROP CONSTRAINT information_request_events_kind_check;
      ALTER TABLE information_request_events ADD CONSTRAINT information_request_events_kind_check
        CHECK (kind IN ('clarification', 'clarified', 'extended', 'granted', 'partly_granted', 'refused',
                        'not_held', 'forwarded'));
      DROP TABLE information_objections;
    `);
  }
}
