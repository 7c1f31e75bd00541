/** What one run of an import did, item by item of the export. */
export interface ImportRunTotals {
  /** New in Laman. */
  created: number;
  /** Changed in the export since the last run, and updated. */
  updated: number;
  /** The same as the last run brought in: left alone. */
  unchanged: number;
  /** Changed in the export, but edited in Laman since it came in: Laman's version is kept. */
  keptEdited: number;
  /** Skipped by the plan (WordPress bookkeeping, trash, unknown kinds). */
  skipped: number;
  /** Came in, but held back as a draft by the spam guard or a publishing rule (the reason is in the report). */
  held: number;
  /** Could not come in (the reason is in the report); the next run tries again. */
  failed: number;
}

export function noTotals(): ImportRunTotals {
  return { created: 0, updated: 0, unchanged: 0, keptEdited: 0, skipped: 0, held: 0, failed: 0 };
}
