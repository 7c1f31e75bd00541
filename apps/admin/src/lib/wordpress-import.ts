import type { ImportKind, ImportTotals } from '@laman/shared';

/** The API's dry-run report of a WordPress import (`POST /admin/tenants/:id/wordpress-import/dry-run`). */
export interface ImportReport {
  site: { title: string; baseUrl: string; wxrVersion: string };
  totals: ImportTotals;
  skipped: Array<{ sourceId: number; sourceType: string; title: string; reason: string }>;
  review: Array<{ sourceId: number; kind: ImportKind; title: string; notes: string[] }>;
  warnings: Array<{ sourceId: number; kind: ImportKind; title: string; notes: string[] }>;
}

export const KIND_LABELS: Record<ImportKind, string> = {
  berita: 'Berita',
  halaman: 'Halaman',
  dokumen: 'Dokumen',
  media: 'Foto ke pustaka media',
};

export type RunOutcome = 'created' | 'updated' | 'unchanged' | 'keptEdited' | 'skipped' | 'held' | 'failed';

/** One run of an import (`GET /admin/tenants/:id/wordpress-import`). */
export interface ImportRun {
  id: string;
  sourceUrl: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'undone';
  startedAt: string;
  finishedAt: string | null;
  totals: Record<RunOutcome, number>;
  progress: { done: number; total: number } | null;
  error: string | null;
  report?: Array<{ sourceId: number; title: string; outcome: RunOutcome; notes: string[] }>;
}

export const STATUS_LABELS: Record<ImportRun['status'], string> = {
  queued: 'Menunggu giliran',
  running: 'Berjalan',
  done: 'Selesai',
  failed: 'Gagal',
  undone: 'Dibatalkan',
};

/** The run's counts in the order a person reads them. */
export const OUTCOME_LABELS: Record<RunOutcome, string> = {
  created: 'Baru',
  updated: 'Diperbarui',
  unchanged: 'Tidak berubah',
  keptEdited: 'Versi Laman dipertahankan',
  held: 'Masuk sebagai draf',
  failed: 'Gagal',
  skipped: 'Dilewati',
};

/** Whether a run may still change: the page offers to look again while one is. */
export const inProgress = (run: ImportRun) => run.status === 'queued' || run.status === 'running';

/** Where an OPD stands in the city-wide view: its latest import's status, or `none` before its first. */
export type CityImportStatus = ImportRun['status'] | 'none';

/** One active OPD and its latest import (`GET /admin/wordpress-imports`). */
export interface CityImport {
  tenant: { id: string; slug: string; name: string };
  latest: (ImportRun & { notes: number }) | null;
}

export const CITY_STATUS_LABELS: Record<CityImportStatus, string> = {
  ...STATUS_LABELS,
  none: 'Belum diimpor',
};

/** The city-wide counts in the order a person reads them: work in hand first. */
export const CITY_STATUS_ORDER: CityImportStatus[] = [
  'running',
  'queued',
  'failed',
  'done',
  'undone',
  'none',
];
