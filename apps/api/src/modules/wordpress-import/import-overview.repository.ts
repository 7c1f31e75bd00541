import { type EntityManager } from 'typeorm';
import { containsPattern } from '../../core/database/like-pattern';
import { type ImportProgress, type ImportRunStatus } from './import-runs.repository';
import { type ImportRunTotals } from './import-run-totals';

/** Where an OPD stands: its latest import's status, or `none` before its first. */
export type OverviewStatus = ImportRunStatus | 'none';
export const OVERVIEW_STATUSES: OverviewStatus[] = ['running', 'queued', 'failed', 'done', 'undone', 'none'];

export interface OverviewRow {
  tenant: { id: string; slug: string; name: string };
  latest: {
    id: string;
    sourceUrl: string;
    status: ImportRunStatus;
    startedAt: Date;
    finishedAt: Date | null;
    progress: Partial<ImportProgress>;
    totals: Partial<ImportRunTotals>;
    notes: number;
    error: string | null;
  } | null;
}

export interface OverviewFilter {
  status?: OverviewStatus;
  q?: string;
  limit: number;
  offset: number;
}

const STATUS = `COALESCE(o.status, 'none')`;
/** Work in hand first (running, waiting, failed), then the rest; by name within each. */
const ORDER = `array_position(ARRAY['running', 'queued', 'failed', 'done', 'undone', 'none'], ${STATUS}), t.name, t.id`;

/**
 * Every active OPD with its latest import (`wordpress_import_overview`, a platform table a trigger on the runs
 * keeps): the city-wide view a platform admin follows a migration of many sites in.
 */
export class ImportOverviewRepository {
  async page(
    manager: EntityManager,
    filter: OverviewFilter,
  ): Promise<{ rows: OverviewRow[]; total: number; counts: Record<OverviewStatus, number> }> {
    const from = `FROM tenants t LEFT JOIN wordpress_import_overview o ON o.about_tenant_id = t.id
      WHERE t.status = 'active'`;
    const where = `($1::text IS NULL OR t.name ILIKE $1 OR t.slug ILIKE $1) AND ($2::text IS NULL OR ${STATUS} = $2)`;
    const params = [filter.q ? containsPattern(filter.q) : null, filter.status ?? null];
    const counted: Array<{ status: OverviewStatus; n: number; matching: number }> = await manager.query(
      `SELECT ${STATUS} AS status, count(*)::int AS n, count(*) FILTER (WHERE ${where})::int AS matching
         ${from} GROUP BY 1`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT t.id, t.slug, t.name, o.import_id, o.source_url, o.status, o.started_at, o.finished_at, o.progress,
              o.totals, o.notes, o.error
         ${from} AND ${where} ORDER BY ${ORDER} LIMIT $3 OFFSET $4`,
      [...params, filter.limit, filter.offset],
    );
    const counts = Object.fromEntries(OVERVIEW_STATUSES.map((status) => [status, 0])) as Record<
      OverviewStatus,
      number
    >;
    for (const row of counted) counts[row.status] = row.n;
    const total = counted.reduce((sum, row) => sum + row.matching, 0);
    return { rows: rows.map(toOverviewRow), total, counts };
  }
}

function toOverviewRow(row: Record<string, unknown>): OverviewRow {
  const tenant = { id: row['id'] as string, slug: row['slug'] as string, name: row['name'] as string };
  if (!row['import_id']) return { tenant, latest: null };
  return {
    tenant,
    latest: {
      id: row['import_id'] as string,
      sourceUrl: row['source_url'] as string,
      status: row['status'] as ImportRunStatus,
      startedAt: row['started_at'] as Date,
      finishedAt: (row['finished_at'] as Date | null) ?? null,
      progress: row['progress'] as Partial<ImportProgress>,
      totals: row['totals'] as Partial<ImportRunTotals>,
      notes: row['notes'] as number,
      error: (row['error'] as string | null) ?? null,
    },
  };
}
