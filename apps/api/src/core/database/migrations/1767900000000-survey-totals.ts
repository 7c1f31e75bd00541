import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each service's satisfaction-survey answers of a year, added up as they come (`survey_totals`, kept by a
 * trigger on `survey_responses` in the answer's own transaction), so the city's service catalogue shows every
 * service's index from one indexed join, however many OPDs and answers the city has. Public like the results it
 * sums (no answer can be told from it); only an OPD's own transaction writes its rows.
 */
export class SurveyTotals1767900000000 implements MigrationInterface {
  name = 'SurveyTotals1767900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_totals (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        service_id uuid NOT NULL,
        year integer NOT NULL,
        respondents integer NOT NULL,
        sums integer[] NOT NULL CHECK (cardinality(sums) = 9),
        PRIMARY KEY (service_id, year)
      );
      CREATE INDEX survey_totals_tenant_idx ON survey_totals (tenant_id, year);
      ALTER TABLE survey_totals ENABLE ROW LEVEL SECURITY;
      ALTER TABLE survey_totals FORCE ROW LEVEL SECURITY;
      CREATE POLICY public_read ON survey_totals FOR SELECT USING (true);
      CREATE POLICY own_writes ON survey_totals FOR INSERT WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY own_updates ON survey_totals FOR UPDATE
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE ON survey_totals TO laman_app;

      CREATE FUNCTION add_survey_total() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.service_id IS NULL THEN
          RETURN NULL;
        END IF;
        INSERT INTO survey_totals AS s (tenant_id, service_id, year, respondents, sums)
        VALUES (NEW.tenant_id, NEW.service_id,
                extract(year FROM NEW.submitted_at AT TIME ZONE 'Asia/Jakarta')::int, 1, NEW.answers::int[])
        ON CONFLICT (service_id, year) DO UPDATE SET
          respondents = s.respondents + 1,
          sums = ARRAY(SELECT a + b FROM unnest(s.sums, EXCLUDED.sums) AS pair(a, b));
        RETURN NULL;
      END $$;
      CREATE TRIGGER survey_responses_totals AFTER INSERT ON survey_responses
        FOR EACH ROW EXECUTE FUNCTION add_survey_total();

      DO $$
      DECLARE
        tenant record;
      BEGIN
        FOR tenant IN SELECT id FROM tenants LOOP
          PERFORM set_config('app.tenant_id', tenant.id::text, true);
          INSERT INTO survey_totals (tenant_id, service_id, year, respondents, sums)
          SELECT tenant_id, service_id, extract(year FROM submitted_at AT TIME ZONE 'Asia/Jakarta')::int,
                 count(*)::int,
                 ARRAY[sum(answers[1]), sum(answers[2]), sum(answers[3]), sum(answers[4]), sum(answers[5]),
                       sum(answers[6]), sum(answers[7]), sum(answers[8]), sum(answers[9])]::int[]
            FROM survey_responses
           WHERE tenant_id = tenant.id AND service_id IS NOT NULL
           GROUP BY tenant_id, service_id, 3;
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER survey_responses_totals ON survey_responses;
      DROP FUNCTION add_survey_total();
      DROP TABLE survey_totals;
    `);
  }
}
