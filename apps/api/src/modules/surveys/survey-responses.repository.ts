import { type TenantTransaction } from '../../core/database/database.service';

/** A respondent's answer as stored. */
export interface NewSurveyResponse {
  serviceId: string;
  serviceTitle: string;
  answers: number[];
  ageBand: string | null;
  sex: string | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
  duplicateKey: string;
}

/** The answers of a period for one service, added up: the index is computed from these. */
export interface ServiceTotals {
  serviceId: string | null;
  serviceTitle: string;
  respondents: number;
  /** Sum of the answers per element, U1…U9. */
  sums: number[];
}

/** The answers' WIB window for a period: from the first day to before `until`. */
const IN_PERIOD = `tenant_id = $1 AND submitted_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Jakarta')
  AND submitted_at < ($3::date::timestamp AT TIME ZONE 'Asia/Jakarta')`;

/** How many respondents gave each profile answer (null: left it out). */
export interface ProfileCount {
  field: 'ageBand' | 'sex' | 'education' | 'occupation';
  value: string | null;
  count: number;
}

/** A respondent's suggestion, without anything else about them. */
export interface Suggestion {
  submittedOn: string;
  serviceTitle: string;
  suggestion: string;
}

const SUMS = Array.from({ length: 9 }, (_, i) => `sum(answers[${i + 1}])::int`).join(', ');

/** Answers to the satisfaction survey (tenant-owned rows). */
export class SurveyResponsesRepository {
  /** Stores the answer; false when the same answer came from the same place today already. */
  async insert(tx: TenantTransaction, response: NewSurveyResponse): Promise<boolean> {
    const [{ added }] = await tx.manager.query(
      `WITH added AS (
         INSERT INTO survey_responses (tenant_id, service_id, service_title, answers, age_band, sex, education,
                                       occupation, suggestion, duplicate_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (tenant_id, duplicate_key) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS added FROM added`,
      [
        tx.tenantId,
        response.serviceId,
        response.serviceTitle,
        response.answers,
        response.ageBand,
        response.sex,
        response.education,
        response.occupation,
        response.suggestion,
        response.duplicateKey,
      ],
    );
    return added === 1;
  }

  /** When the latest `limit` answers came, newest first (the completeness score reads them). */
  async latest(tx: TenantTransaction, limit: number): Promise<Date[]> {
    const rows: Array<{ at: Date }> = await tx.manager.query(
      `SELECT submitted_at AS at FROM survey_responses WHERE tenant_id = $1 ORDER BY submitted_at DESC LIMIT $2`,
      [tx.tenantId, limit],
    );
    return rows.map((row) => row.at);
  }

  /** Per service, the respondents and the sums of their answers from `from` to before `until` (WIB days). */
  async totals(tx: TenantTransaction, from: string, until: string): Promise<ServiceTotals[]> {
    const rows: Array<{
      serviceId: string | null;
      serviceTitle: string;
      respondents: number;
      sums: number[];
    }> = await tx.manager.query(
      `SELECT service_id AS "serviceId", max(service_title) AS "serviceTitle", count(*)::int AS respondents,
                ARRAY[${SUMS}] AS sums
           FROM survey_responses
          WHERE ${IN_PERIOD}
          GROUP BY service_id, CASE WHEN service_id IS NULL THEN service_title END`,
      [tx.tenantId, from, until],
    );
    return rows;
  }

  /** The respondents' profile in the period: how many gave each answer to each question. */
  profile(tx: TenantTransaction, from: string, until: string): Promise<ProfileCount[]> {
    const column = (field: ProfileCount['field'], name: string) =>
      `SELECT '${field}' AS field, ${name} AS value, count(*)::int AS count FROM survey_responses
        WHERE ${IN_PERIOD} GROUP BY ${name}`;
    return tx.manager.query(
      [
        column('ageBand', 'age_band'),
        column('sex', 'sex'),
        column('education', 'education'),
        column('occupation', 'occupation'),
      ].join(' UNION ALL '),
      [tx.tenantId, from, until],
    );
  }

  /** A page of the period's suggestions, newest first. */
  async suggestions(
    tx: TenantTransaction,
    from: string,
    until: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: Suggestion[]; total: number }> {
    const where = `${IN_PERIOD} AND suggestion IS NOT NULL`;
    const [{ total }] = await tx.manager.query(
      `SELECT count(*)::int AS total FROM survey_responses WHERE ${where}`,
      [tx.tenantId, from, until],
    );
    const items = await tx.manager.query(
      `SELECT to_char(submitted_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS "submittedOn",
              service_title AS "serviceTitle", suggestion
         FROM survey_responses WHERE ${where}
        ORDER BY submitted_at DESC, id LIMIT $4 OFFSET $5`,
      [tx.tenantId, from, until, page.limit, page.offset],
    );
    return { items, total };
  }
}
