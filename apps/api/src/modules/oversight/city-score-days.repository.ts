import { type EntityManager } from 'typeorm';

export interface CityDay {
  day: string;
  average: number;
  /** Active OPDs with a score that day. */
  tenants: number;
}

/** The city's average score per day (a platform table), kept by the score pass. */
export class CityScoreDaysRepository {
  /**
   * Sets `day`'s row to the active OPDs' current average, when a score was kept since the row was written (or
   * the day has none): one index lookup when nothing moved, one pass over the kept scores when something did.
   */
  async refresh(manager: EntityManager, day: string): Promise<void> {
    await manager.query(
      `INSERT INTO city_score_days AS c (day, average, opds, updated_at)
       SELECT $1::date, round(avg(s.score), 1), count(*), now()
         FROM site_scores s JOIN tenants t ON t.id = s.about_tenant_id
        WHERE t.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM city_score_days d WHERE d.day = $1::date
                            AND d.updated_at >= (SELECT max(scored_at) FROM site_scores))
       HAVING count(*) > 0
       ON CONFLICT (day) DO UPDATE SET average = EXCLUDED.average, opds = EXCLUDED.opds, updated_at = now()`,
      [day],
    );
  }

  /** The rows from `from` on, and the last one before it (the average in force when the window opens). */
  since(manager: EntityManager, from: string): Promise<CityDay[]> {
    return manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, average::float AS average, opds AS tenants FROM city_score_days
        WHERE day >= (SELECT coalesce(max(day), $1::date) FROM city_score_days WHERE day <= $1)
        ORDER BY day`,
      [from],
    );
  }
}
