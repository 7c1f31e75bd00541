import { type EntityManager } from 'typeorm';
import { type Check, type Completeness } from './completeness';

export interface KeptScore extends Completeness {
  tenantId: string;
  /** Unmet checks, when the checks themselves were not read. */
  missing?: number;
  contentVersion: string;
  changesAt: Date;
}

/** The rows of `site_scores` that are good at a moment, and how to tell. */
const GOOD = `s.content_version = t.content_version AND s.changes_at > $1`;

/** Each OPD's kept score (a platform table): what the dashboard reads, and what the score pass keeps good. */
export class SiteScoresRepository {
  /** Active OPDs with no kept score, or one no longer good at `now` (content changed, or time moved it). */
  due(manager: EntityManager, now: Date, limit: number): Promise<Array<{ id: string }>> {
    return manager.query(
      `SELECT t.id FROM tenants t LEFT JOIN site_scores s ON s.about_tenant_id = t.id
        WHERE t.status = 'active' AND (s.about_tenant_id IS NULL OR NOT (${GOOD}))
        ORDER BY s.changes_at NULLS FIRST, t.id LIMIT $2`,
      [now, limit],
    );
  }

  /**
   * Every active OPD's kept score made for its current content, by tenant id; with `checks: false` the checks
   * stay in the database and only the number of unmet ones comes back (`missing`): a city-wide summary of
   * 20,000 OPDs then reads kilobytes, not megabytes.
   */
  async current(manager: EntityManager, { checks = true } = {}): Promise<Map<string, KeptScore>> {
    const detail = checks
      ? `s.checks`
      : `'[]'::jsonb AS checks,
         (SELECT count(*)::int FROM jsonb_array_elements(s.checks) c WHERE NOT (c->>'met')::boolean) AS missing`;
    const rows: KeptScore[] = await manager.query(
      `SELECT s.about_tenant_id AS "tenantId", s.score::int AS score, s.band, s.band_label AS "bandLabel",
              ${detail}, s.content_version::text AS "contentVersion", s.changes_at AS "changesAt"
         FROM site_scores s JOIN tenants t ON t.id = s.about_tenant_id
        WHERE t.status = 'active' AND s.content_version = t.content_version`,
    );
    return new Map(rows.map((row) => [row.tenantId, row]));
  }

  async keep(
    manager: EntityManager,
    tenantId: string,
    score: Completeness & { contentVersion: string; changesAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO site_scores (about_tenant_id, score, band, band_label, checks, content_version, scored_at, changes_at)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7)
       ON CONFLICT (about_tenant_id) DO UPDATE SET score = EXCLUDED.score, band = EXCLUDED.band,
         band_label = EXCLUDED.band_label, checks = EXCLUDED.checks, content_version = EXCLUDED.content_version,
         scored_at = EXCLUDED.scored_at, changes_at = EXCLUDED.changes_at`,
      [
        tenantId,
        score.score,
        score.band,
        score.bandLabel,
        JSON.stringify(score.checks satisfies Check[]),
        score.contentVersion,
        score.changesAt,
      ],
    );
  }

  /** A policy change moves scores without content changing: the kept ones (of one OPD, or all) are due now. */
  async expire(manager: EntityManager, tenantId?: string): Promise<void> {
    await manager.query(
      `UPDATE site_scores SET changes_at = '-infinity' WHERE $1::uuid IS NULL OR about_tenant_id = $1`,
      [tenantId ?? null],
    );
  }
}
