/** What an item of a WordPress export becomes in Laman. */
export type ImportKind = 'berita' | 'halaman' | 'dokumen' | 'media';

/** The counts of a WordPress import's report: per kind, and what was skipped, held back or changed. */
export type ImportTotals = Record<ImportKind, number> & {
  items: number;
  skipped: number;
  drafts: number;
  review: number;
  warnings: number;
  oldUrls: number;
};
