import { noTotals } from './import-run-totals';
import { type ImportRunRow } from './import-runs.repository';
import { type OverviewRow } from './import-overview.repository';
import {
  type CityImportDto,
  type ImportedOutcomeDto,
  type ImportRunDetailDto,
  type ImportRunDto,
} from './wordpress-import.dto';

export function toRunDto(
  row: Pick<
    ImportRunRow,
    'id' | 'sourceUrl' | 'status' | 'startedAt' | 'finishedAt' | 'totals' | 'progress' | 'error'
  >,
): ImportRunDto {
  const { done, total } = row.progress;
  return {
    id: row.id,
    sourceUrl: row.sourceUrl,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    totals: { ...noTotals(), ...row.totals },
    progress: typeof done === 'number' && typeof total === 'number' ? { done, total } : null,
    error: row.error,
  };
}

export function toRunDetailDto(row: ImportRunRow): ImportRunDetailDto {
  return { ...toRunDto(row), report: row.report as ImportedOutcomeDto[] };
}

export function toCityImportDto(row: OverviewRow): CityImportDto {
  return {
    tenant: row.tenant,
    latest: row.latest ? { ...toRunDto(row.latest), notes: row.latest.notes } : null,
  };
}
