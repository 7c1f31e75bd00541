import { type TenantTransaction } from '../../core/database/database.service';
import { type ImportRunTotals } from './import-run-totals';

export type ImportRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'undone';

/** Items of the export done so far, of all it holds. */
export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportRunRow {
  id: string;
  sourceUrl: string;
  status: ImportRunStatus;
  startedBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  totals: Partial<ImportRunTotals>;
  progress: Partial<ImportProgress>;
  report: unknown[];
  error: string | null;
  exportKey: string | null;
  uploadsKey: string | null;
  /** The old site's address to fetch files from (when the platform allows fetching). */
  fetchFrom: string | null;
}

const COLUMNS = `id, source_url AS "sourceUrl", status, started_by AS "startedBy", started_at AS "startedAt",
  finished_at AS "finishedAt", totals, progress, report, error, export_key AS "exportKey", uploads_key AS "uploadsKey",
  fetch_from AS "fetchFrom"`;

/** The runs of imports into an OPD (`wordpress_imports`): who started each, how far it got, what it counted. */
export class ImportRunsRepository {
  /** A run that starts now (the command and the tests run imports directly). */
  async start(tx: TenantTransaction, sourceUrl: string, startedBy: string | null): Promise<string> {
    const [row] = (await tx.manager.query(
      `INSERT INTO wordpress_imports (tenant_id, source_url, status, started_by)
       VALUES ($1, $2, 'running', $3) RETURNING id`,
      [tx.tenantId, sourceUrl, startedBy],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  /** A run waiting in the queue, its files in storage under the keys given. */
  async queue(
    tx: TenantTransaction,
    run: {
      id: string;
      sourceUrl: string;
      startedBy: string;
      exportKey: string;
      uploadsKey: string | null;
      fetchFrom: string | null;
    },
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO wordpress_imports (id, tenant_id, source_url, status, started_by, export_key, uploads_key, fetch_from)
       VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7)`,
      [run.id, tx.tenantId, run.sourceUrl, run.startedBy, run.exportKey, run.uploadsKey, run.fetchFrom],
    );
  }

  async find(tx: TenantTransaction, id: string): Promise<ImportRunRow | null> {
    const rows: ImportRunRow[] = await tx.manager.query(
      `SELECT ${COLUMNS} FROM wordpress_imports WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    return rows[0] ?? null;
  }

  /** The OPD's runs, newest first. */
  async latest(tx: TenantTransaction, limit: number): Promise<ImportRunRow[]> {
    return tx.manager.query(
      `SELECT ${COLUMNS} FROM wordpress_imports WHERE tenant_id = $1 ORDER BY started_at DESC LIMIT $2`,
      [tx.tenantId, limit],
    );
  }

  async running(tx: TenantTransaction, id: string): Promise<void> {
    await tx.manager.query(
      `UPDATE wordpress_imports SET status = 'running', error = NULL WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
  }

  async progress(
    tx: TenantTransaction,
    id: string,
    totals: ImportRunTotals,
    progress: ImportProgress,
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE wordpress_imports SET totals = $3, progress = $4 WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, JSON.stringify(totals), JSON.stringify(progress)],
    );
  }

  async finish(
    tx: TenantTransaction,
    id: string,
    outcome: { status: ImportRunStatus; totals: ImportRunTotals; report: unknown[]; error?: string },
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE wordpress_imports
          SET status = $3, totals = $4, report = $5, error = $6, finished_at = now(),
              export_key = CASE WHEN $3 = 'done' THEN NULL ELSE export_key END,
              uploads_key = CASE WHEN $3 = 'done' THEN NULL ELSE uploads_key END
        WHERE tenant_id = $1 AND id = $2`,
      [
        tx.tenantId,
        id,
        outcome.status,
        JSON.stringify(outcome.totals),
        JSON.stringify(outcome.report),
        outcome.error ?? null,
      ],
    );
  }

  /** Every finished run of an import from the site is undone with it. */
  async undone(tx: TenantTransaction, sourceUrl: string): Promise<void> {
    await tx.manager.query(
      `UPDATE wordpress_imports SET status = 'undone'
        WHERE tenant_id = $1 AND source_url = $2 AND status IN ('done', 'failed')`,
      [tx.tenantId, sourceUrl],
    );
  }
}
