import { type Translate } from './i18n';
import { type Completeness, missing } from './oversight';
import { KIND_LABELS } from './platform';

import { type Cell } from './workbook';

export type { Cell };

/** The monitors' score table as a spreadsheet holds it (CSV and XLSX): one OPD per row, lowest score first. */
export function scoreTable(rows: Completeness[], t: Translate): { header: string[]; body: Cell[][] } {
  const header = [
    'OPD',
    'Slug',
    'Jenis',
    'Skor',
    'Kategori',
    'Hari sejak terakhir terbit',
    'Terakhir terbit (WIB)',
    'Belum terpenuhi',
  ].map((name) => t(name));
  const body = rows.map((row) => [
    row.name,
    row.slug,
    t(KIND_LABELS[row.kind] ?? row.kind),
    row.score,
    t(row.bandLabel),
    row.daysSinceUpdate,
    row.lastPublishedAt ? new Date(row.lastPublishedAt) : null,
    missing(row)
      .map((check) => t(check.text, check.values))
      .join('; '),
  ]);
  return { header, body };
}

/** Each missing item on its own row: filterable by OPD and by item in a spreadsheet. */
export function missingTable(rows: Completeness[], t: Translate): { header: string[]; body: Cell[][] } {
  return {
    header: ['OPD', 'Slug', 'Belum terpenuhi', 'Bobot'].map((name) => t(name)),
    body: rows.flatMap((row) =>
      missing(row).map((check) => [row.name, row.slug, t(check.text, check.values), check.weight]),
    ),
  };
}
