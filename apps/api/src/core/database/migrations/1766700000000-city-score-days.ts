import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The city's average score per day, kept as the score pass moves scores instead of recomputed from every OPD's
 * history on each read (20,000 OPDs × 90 days). A platform table: it holds no OPD's own rows. A day's row is the average of the active OPDs' kept scores as the
 * day's last pass that found a newer score left it (`scored_at`, indexed, tells); a day without a row kept the one before it. The existing history is averaged once
 * here, each OPD's last score on or before each day carried forward, as the readers used to (read tenant by tenant: the history is tenant-owned).
 */
export class CityScoreDays1766700000000 implements MigrationInterface {
  name = 'CityScoreDays1766700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE city_score_days (
        day date PRIMARY KEY,
        average numeric(4, 1) NOT NULL,
        opds integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      GRANT SELECT, INSERT, UPDATE ON city_score_days TO laman_app;
      CREATE INDEX site_scores_scored_at_idx ON site_scores (scored_at);
      CREATE TEMPORARY TABLE history_of_active (tenant_id uuid, day date, score smallint) ON COMMIT DROP;
      DO $$
      DECLARE
        tenant record;
      BEGIN
        FOR tenant IN SELECT id FROM tenants WHERE status = 'active' LOOP
          PERFORM set_config('app.tenant_id', tenant.id::text, true);
          INSERT INTO history_of_active SELECT tenant_id, day, score FROM completeness_scores
           WHERE tenant_id = tenant.id;
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$;
      INSERT INTO city_score_days (day, average, opds)
      SELECT d.day, round(avg(last.score), 1), count(*)
        FROM (SELECT DISTINCT day FROM history_of_active) d
        CROSS JOIN LATERAL (
          SELECT DISTINCT ON (h.tenant_id) h.score FROM history_of_active h
           WHERE h.day <= d.day ORDER BY h.tenant_id, h.day DESC) last
       GROUP BY d.day;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE city_score_days; DROP INDEX site_scores_scored_at_idx;`);
  }
}
