import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Answers to the community satisfaction survey (SKM, Permenpan RB 14/2017), one OPD's rows each: the service
 * the respondent used (its title kept, so a service deleted later still counts in the OPD's index), the nine
 * answers on 1–4, the optional profile, and an optional suggestion. Nothing identifies the respondent:
 * `duplicate_key` is a keyed hash of the client's address, the service, the answers and the day, so the same
 * answers sent twice from one place on one day are taken once, and it is worthless the day after.
 */
export class SurveyResponses1767800000000 implements MigrationInterface {
  name = 'SurveyResponses1767800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        service_id uuid REFERENCES content_items(id) ON DELETE SET NULL,
        service_title text NOT NULL,
        answers smallint[] NOT NULL
          CHECK (cardinality(answers) = 9 AND 1 <= ALL (answers) AND 4 >= ALL (answers)),
        age_band text CHECK (age_band IN ('lt20', '20_29', '30_39', '40_49', '50_59', '60plus')),
        sex text CHECK (sex IN ('laki_laki', 'perempuan')),
        education text CHECK (education IN ('sd', 'smp', 'sma', 'diploma', 's1', 's2plus')),
        occupation text CHECK (occupation IN ('asn', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya')),
        suggestion text CHECK (length(suggestion) BETWEEN 1 AND 1000),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        duplicate_key text NOT NULL
      );
      CREATE UNIQUE INDEX survey_responses_duplicate_idx ON survey_responses (tenant_id, duplicate_key);
      CREATE INDEX survey_responses_period_idx ON survey_responses (tenant_id, submitted_at);
      ALTER TABLE survey_responses ENABLE ROW LEVEL SECURITY;
      ALTER TABLE survey_responses FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON survey_responses
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT ON survey_responses TO laman_app;
      -- Enough answers tick the completeness check of the survey: a new one makes the OPD's kept score due (as
      -- a request does, 1767600000000); answers growing old are foreseen by the score itself (nextChange).
      CREATE TRIGGER survey_responses_expire_score
        AFTER INSERT ON survey_responses
        FOR EACH ROW EXECUTE FUNCTION expire_site_score_on_request();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE survey_responses`);
  }
}
