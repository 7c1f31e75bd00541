import { type Readable } from 'node:stream';
import { type ImportTotals } from '@laman/shared';
import { decide, indexSource, type PlannedItem, type PlannedKind, type SkippedItem } from './import-plan';
import { type UploadsArchive } from './uploads-archive';
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
  /** With an archive of the old uploads: how many files it holds, and how many files the export names it lacks. */
  archive: { files: number; missing: number } | null;
}

/** What the dry run may check besides the export: the archive of the old site's uploads. */
export interface DryRunSources {
  archive?: UploadsArchive;
}

/**
 * The dry run: reads the export twice as a stream (first the site and its attachments, which galleries and
 * covers name; then every item) and reports what would come in, what would be skipped and why, and what needs a
 * person's look — writing nothing.
 */
export async function dryRun(open: () => Readable, sources: DryRunSources = {}): Promise<ImportReport> {
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
    archive: sources.archive ? { files: sources.archive.files, missing: 0 } : null,
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
    note(report, checkFile(decision.plan, report, sources.archive));
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

/** A file the plan brings in, looked up in the archive when there is one: a missing file is for a person to see. */
function checkFile(
  plan: PlannedItem,
  report: ImportReport,
  archive: UploadsArchive | undefined,
): PlannedItem {
  if (!archive || (plan.kind !== 'media' && plan.kind !== 'dokumen')) return plan;
  if (plan.uploadPath && archive.find(plan.uploadPath)) return plan;
  report.archive!.missing++;
  return {
    ...plan,
    review: [...plan.review, `berkas ${plan.uploadPath ?? '(tanpa nama)'} tidak ada di arsip unggahan`],
  };
}
