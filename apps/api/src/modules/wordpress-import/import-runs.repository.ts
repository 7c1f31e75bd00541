import { type TenantTransaction } from '../../core/database/database.service';
import { type ImportRunTotals } from './import-run-totals';

export type ImportRunStatus = 'running' | 'done' | 'failed' | 'undone';

/** One run of an import into an OPD (`wordpress_imports`): who started it, how far it got, what it counted. */
export class ImportRunsRepository {
  async start(tx: TenantTransaction, sourceUrl: string, startedBy: string | null): Promise<string> {
    const [row] = (await tx.manager.query(
      `INSERT INTO wordpress_imports (tenant_id, source_url, status, started_by)
       VALUES ($1, $2, 'running', $3) RETURNING id`,
      [tx.tenantId, sourceUrl, startedBy],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  async finish(
    tx: TenantTransaction,
    id: string,
    status: ImportRunStatus,
    totals: ImportRunTotals,
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE wordpress_imports SET status = $3, totals = $4, finished_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, status, JSON.stringify(totals)],
    );
  }
}
