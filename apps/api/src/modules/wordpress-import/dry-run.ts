import { type Readable } from 'node:stream';
import { type ImportTotals } from '@laman/shared';
import { decide, indexSource, type PlannedItem, type PlannedKind, type SkippedItem } from './import-plan';
import { type WxrSite } from './wxr-entry';
import { readWxr } from './wxr-reader';

/** Entries each list of the report holds at most (the counts are always whole). */
export const REPORT_LIST_LIMIT = 1000;
const SAMPLES_PER_KIND = 5;

export interface Noted {
  sourceId: number;
  kind: PlannedKind;
  title: string;
  notes: string[];
}

/** What an import would do, before anything is written: the platform admin reads it first. */
export interface ImportReport {
  site: WxrSite;
  totals: ImportTotals;
  skipped: SkippedItem[];
  review: Noted[];
  warnings: Noted[];
  /** The first few planned items of each kind, as they would come in. */
  sample: PlannedItem[];
}

/**
 * The dry run: reads the export twice as a stream (first the site and its attachments, which galleries and
 * covers name; then every item) and reports what would come in, what would be skipped and why, and what needs a
 * person's look — writing nothing.
 */
export async function dryRun(open: () => Readable): Promise<ImportReport> {
  const index = await indexSource(open());
  const report: ImportReport = {
    site: index.site,
    totals: {
      items: 0,
      berita: 0,
      halaman: 0,
      dokumen: 0,
      media: 0,
      skipped: 0,
      drafts: 0,
      review: 0,
      warnings: 0,
      oldUrls: 0,
    },
    skipped: [],
    review: [],
    warnings: [],
    sample: [],
  };
  for await (const entry of readWxr(open())) {
    if (entry.kind !== 'item') continue;
    report.totals.items++;
    const decision = decide(entry.item, index);
    if ('skip' in decision) {
      report.totals.skipped++;
      if (report.skipped.length < REPORT_LIST_LIMIT) report.skipped.push(decision.skip);
      continue;
    }
    note(report, decision.plan);
  }
  return report;
}

function note(report: ImportReport, plan: PlannedItem): void {
  const { totals } = report;
  totals[plan.kind]++;
  totals.oldUrls += plan.oldUrls.length;
  if (!plan.publish && plan.kind !== 'media') totals.drafts++;
  const noted = (notes: string[]) => ({ sourceId: plan.sourceId, kind: plan.kind, title: plan.title, notes });
  if (plan.review.length) {
    totals.review++;
    if (report.review.length < REPORT_LIST_LIMIT) report.review.push(noted(plan.review));
  }
  if (plan.warnings.length) {
    totals.warnings++;
    if (report.warnings.length < REPORT_LIST_LIMIT) report.warnings.push(noted(plan.warnings));
  }
  if (report.sample.filter((sample) => sample.kind === plan.kind).length < SAMPLES_PER_KIND)
    report.sample.push(plan);
}
