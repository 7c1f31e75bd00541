import { ppidReportLines, type PpidRegisterEntry, type PpidServiceReport } from '@laman/shared';
import type { ApiClient } from './api';
import type { Translate } from './i18n';
import { DELIVERY_LABELS } from './ppid';
import type { Cell } from './workbook';

/** The yearly public-information service report, as the API computes it from the requests. */
export type ServiceReport = PpidServiceReport;

/** One row of the request register (no personal data). */
export type RegisterRow = PpidRegisterEntry;

/** The register reads up to this many rows per call; a download reads them all. */
const REGISTER_PAGE = 200;

export const registerPath = (slug: string, year: number, limit: number, offset: number): string =>
  `/api/v1/tenants/${slug}/ppid/register?year=${year}&limit=${limit}&offset=${offset}`;

/** Every row of the year's register, page by page. */
export async function wholeRegister(api: ApiClient, slug: string, year: number): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  for (let offset = 0; ; offset += REGISTER_PAGE) {
    const page = await api.get<{ items: RegisterRow[]; total: number }>(
      registerPath(slug, year, REGISTER_PAGE, offset),
    );
    rows.push(...page.items);
    if (page.items.length < REGISTER_PAGE || rows.length >= page.total) return rows;
  }
}

/** The report's figures, one labelled line each, as the page and the workbook show them. */
export function reportLines(report: ServiceReport, t: Translate): Array<[string, Cell]> {
  return ppidReportLines(report).map(([label, figure, values]) => [t(label, values), figure]);
}

/** The register as a table: one request per row. */
export function registerTable(rows: RegisterRow[], t: Translate): { header: string[]; body: Cell[][] } {
  const header = [
    'Nomor pendaftaran',
    'Diterima',
    'Informasi yang diminta',
    'Cara menerima',
    'Status',
    'Batas jawaban',
    'Dijawab',
    'Diperpanjang',
    'Dasar pengecualian',
    'Diteruskan',
    'Keberatan',
  ].map((name) => t(name));
  const body = rows.map((row) => [
    row.code,
    row.receivedOn,
    row.information,
    t(DELIVERY_LABELS[row.delivery] ?? row.delivery),
    t(row.statusLabel),
    row.dueOn,
    row.answeredOn,
    row.extended ? t('Ya') : t('Tidak'),
    row.exemption,
    row.forwardedToCode
      ? t('ke {code}', { code: row.forwardedToCode })
      : row.forwardedFromCode
        ? t('dari {code}', { code: row.forwardedFromCode })
        : null,
    row.objectedOn
      ? `${row.objectedOn}: ${row.objectionOutcomeLabel ? t(row.objectionOutcomeLabel) : t('Menunggu jawaban atasan PPID')}`
      : null,
  ]);
  return { header, body };
}
