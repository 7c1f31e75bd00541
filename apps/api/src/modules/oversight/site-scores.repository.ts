import { type EntityManager } from 'typeorm';
import { containsPattern } from '../../core/database/like-pattern';
import { type Check, type Completeness } from './completeness';

/** A kept score with the OPD it is about, as the city-wide views list it. */
export interface ScoreRow extends Completeness {
  tenantId: string;
  slug: string;
  name: string;
  kind: string;
  lastPublishedAt: Date | null;
  /** How many checks it does not meet (also when the checks themselves were not read). */
  missing: number;
}

/** Which kept scores a dashboard page shows, in which order. */
export interface ScoreFilter {
  kind?: string;
  band?: string;
  /** Part of the OPD's name or slug. */
  q?: string;
  /** `score`: lowest first; `stale`: longest without publishing first (never published before all). */
  sort: 'score' | 'stale';
  limit: number;
  offset: number;
}

/** Active OPDs per band and kind, with their score total: the city's summary in a few rows. */
export interface ScoreGroup {
  band: string;
  bandLabel: string;
  kind: string;
  opds: number;
  scoreSum: number;
}

/** The rows of `site_scores` that are good at a moment, and how to tell. */
const GOOD = `s.content_version = t.content_version AND s.changes_at > $1`;

const ORDER: Record<ScoreFilter['sort'], string> = {
  score: `s.score, t.name, t.id`,
  stale: `t.last_published_at NULLS FIRST, s.score, t.name, t.id`,
};

const ROW = `t.id AS "tenantId", t.slug, t.name, t.kind, t.last_published_at AS "lastPublishedAt",
  s.score::int AS score, s.band, s.band_label AS "bandLabel",
  (SELECT count(*)::int FROM jsonb_array_elements(s.checks) c WHERE NOT (c->>'met')::boolean) AS missing`;

/**
 * Each OPD's kept score (a platform table): what the dashboard reads, and what the score pass keeps good. The
 * city-wide reads page, filter and count in the database, so a page of 50 OPDs costs the same in a city of 40
 * as in a country of 20,000.
 */
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

  /** Active OPDs whose kept score is not for their current content (or that have none). */
  changed(manager: EntityManager): Promise<Array<{ id: string }>> {
    return manager.query(
      `SELECT t.id FROM tenants t LEFT JOIN site_scores s ON s.about_tenant_id = t.id
        WHERE t.status = 'active' AND (s.about_tenant_id IS NULL OR s.content_version <> t.content_version)`,
    );
  }

  /** One page of active OPDs' kept scores with their checks, and how many match the filter. */
  async page(manager: EntityManager, filter: ScoreFilter): Promise<{ rows: ScoreRow[]; total: number }> {
    const where = `t.status = 'active' AND ($1::text IS NULL OR t.kind = $1) AND ($2::text IS NULL OR s.band = $2)
      AND ($3::text IS NULL OR t.name ILIKE $3 OR t.slug ILIKE $3)`;
    const params = [filter.kind ?? null, filter.band ?? null, filter.q ? containsPattern(filter.q) : null];
    const [{ total }] = await manager.query(
      `SELECT count(*)::int AS total FROM site_scores s JOIN tenants t ON t.id = s.about_tenant_id WHERE ${where}`,
      params,
    );
    const rows: ScoreRow[] = await manager.query(
      `SELECT ${ROW}, s.checks FROM site_scores s JOIN tenants t ON t.id = s.about_tenant_id WHERE ${where}
        ORDER BY ${ORDER[filter.sort]} LIMIT $4 OFFSET $5`,
      [...params, filter.limit, filter.offset],
    );
    return { rows, total };
  }

  /** Every active OPD's kept score without its checks (how many it misses instead), lowest first. */
  all(manager: EntityManager): Promise<ScoreRow[]> {
    return manager.query(
      `SELECT ${ROW}, '[]'::jsonb AS checks FROM site_scores s JOIN tenants t ON t.id = s.about_tenant_id
        WHERE t.status = 'active' ORDER BY ${ORDER.score}`,
    );
  }

  /** How many active OPDs have not published since `since` (or never have). */
  async quietSince(manager: EntityManager, since: Date): Promise<number> {
    const [{ quiet }] = await manager.query(
      `SELECT count(*)::int AS quiet FROM tenants t
        WHERE t.status = 'active' AND (t.last_published_at IS NULL OR t.last_published_at <= $1)`,
      [since],
    );
    return quiet;
  }

  /** Active OPDs counted per band and kind. */
  groups(manager: EntityManager): Promise<ScoreGroup[]> {
    return manager.query(
      `SELECT s.band, s.band_label AS "bandLabel", t.kind, count(*)::int AS opds, sum(s.score)::int AS "scoreSum"
         FROM site_scores s JOIN tenants t ON t.id = s.about_tenant_id
        WHERE t.status = 'active' GROUP BY s.band, s.band_label, t.kind`,
    );
  }

  /** The average kept score of the active OPDs and how many there are: the city's point of the day. */
  async cityAverage(manager: EntityManager): Promise<{ average: number | null; opds: number }> {
    const [row] = await manager.query(
      `SELECT round(avg(s.score), 1)::float AS average, count(*)::int AS opds
         FROM site_scores s JOIN tenants t ON t.id = s.about_tenant_id WHERE t.status = 'active'`,
    );
    return row;
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
