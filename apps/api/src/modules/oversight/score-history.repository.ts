import { type EntityManager } from 'typeorm';
import { type TenantTransaction } from '../../core/database/database.service';

export interface ScorePoint {
  day: string;
  score: number;
  band: string;
}

export interface DueTenant {
  id: string;
  contentVersion: string;
}

/** The score history (tenant-owned rows) and each tenant's note of what it was last scored for. */
export class ScoreHistoryRepository {
  /** Active tenants whose content changed since their last score, or not scored yet on `day`. */
  async due(manager: EntityManager, day: string): Promise<DueTenant[]> {
    return manager.query(
      `SELECT id, content_version::text AS "contentVersion" FROM tenants
        WHERE status = 'active'
          AND (scored_on IS DISTINCT FROM $1::date OR scored_version IS DISTINCT FROM content_version)
        ORDER BY id`,
      [day],
    );
  }

  async markScored(manager: EntityManager, tenantId: string, day: string, version: string): Promise<void> {
    await manager.query(`UPDATE tenants SET scored_on = $2, scored_version = $3 WHERE id = $1`, [
      tenantId,
      day,
      version,
    ]);
  }

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

  async since(tx: TenantTransaction, from: string): Promise<ScorePoint[]> {
    return tx.manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, score::int AS score, band FROM completeness_scores
        WHERE tenant_id = $1 AND day >= $2 ORDER BY day`,
      [tx.tenantId, from],
    );
  }
}
