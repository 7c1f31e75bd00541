import { type TenantTransaction } from '../../core/database/database.service';

export interface ScorePoint {
  day: string;
  score: number;
  band: string;
}

/** The score history (tenant-owned rows): a day's row is written when the OPD was scored that day. */
export class ScoreHistoryRepository {
  /** One row per day: a later score the same day replaces the earlier one. */
  async upsert(
    tx: TenantTransaction,
    row: { day: string; score: number; band: string; failedChecks: string[]; contentVersion: string },
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO completeness_scores (tenant_id, day, score, band, failed_checks, content_version)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, day) DO UPDATE SET score = EXCLUDED.score, band = EXCLUDED.band,
         failed_checks = EXCLUDED.failed_checks, content_version = EXCLUDED.content_version, computed_at = now()`,
      [tx.tenantId, row.day, row.score, row.band, row.failedChecks, row.contentVersion],
    );
  }

  /** The rows from `from` on, and the last one before it (the score in force when the window opens). */
  async since(tx: TenantTransaction, from: string): Promise<ScorePoint[]> {
    return tx.manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, score::int AS score, band FROM completeness_scores
        WHERE tenant_id = $1 AND day >= (
          SELECT coalesce(max(day), $2::date) FROM completeness_scores WHERE tenant_id = $1 AND day <= $2)
        ORDER BY day`,
      [tx.tenantId, from],
    );
  }
}
