import { noTotals } from './import-run-totals';
import { type ImportRunRow } from './import-runs.repository';
import { type ImportedOutcomeDto, type ImportRunDetailDto, type ImportRunDto } from './wordpress-import.dto';

export function toRunDto(row: ImportRunRow): ImportRunDto {
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
