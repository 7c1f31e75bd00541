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
