/**
 * The yearly public-information service report's figures (PerKI 1/2021 art. 39), as the API computes them from
 * an OPD's requests and as the admin and the site show them: one shape for both.
 */
export interface PpidServiceReport {
  year: number;
  /** The day the figures were computed: the current year is reported to date. */
  asOf: string;
  received: number;
  granted: number;
  partlyGranted: number;
  refused: number;
  notHeld: number;
  forwarded: number;
  /** Not yet answered. */
  open: number;
  /** Refusals, whole or in part, by the exemption each cited, the most cited first. */
  refusedBy: Array<{ exemption: string; count: number }>;
  /** Answered (or forwarded) after the due day, or still unanswered past it. */
  late: number;
  /** Working days from receipt to the answer, over the answered requests (forwarded ones are not answers). */
  averageWorkingDays: number | null;
  longestWorkingDays: number | null;
  objections: { filed: number; upheld: number; rejected: number; open: number };
}

/** The register and the report are kept from the year the platform first took requests. */
export const PPID_FIRST_REPORT_YEAR = 2026;

/** The years with a report as of `today` (YYYY-MM-DD, WIB): from the platform's first to this one, newest first. */
export function ppidReportYears(today: string): number[] {
  const years: number[] = [];
  for (let year = Number(today.slice(0, 4)); year >= PPID_FIRST_REPORT_YEAR; year--) years.push(year);
  return years;
}

/** One row of the request register (the law's *buku register*) as the API serves it: no personal data. */
export interface PpidRegisterEntry {
  code: string;
  receivedOn: string;
  information: string;
  delivery: string;
  status: string;
  statusLabel: string;
  dueOn: string;
  answeredOn: string | null;
  extended: boolean;
  /** The exemption a refusal (whole or in part) cited. */
  exemption: string | null;
  forwardedFromCode: string | null;
  forwardedToCode: string | null;
  objectedOn: string | null;
  objectionOutcomeLabel: string | null;
}

/** One line of the report: its label in Bahasa Indonesia (with the values it names), and its figure. */
export type PpidReportLine = [label: string, figure: number | null, values?: Record<string, string>];

/** The report as the pages and workbooks show it, line by line, in the order the law's report lists them. */
export function ppidReportLines(report: PpidServiceReport): PpidReportLine[] {
  return [
    ['Permohonan diterima', report.received],
    ['Dikabulkan', report.granted],
    ['Dikabulkan sebagian', report.partlyGranted],
    ['Ditolak', report.refused],
    ['Informasi tidak dikuasai', report.notHeld],
    ['Diteruskan ke OPD lain', report.forwarded],
    ['Belum dijawab', report.open],
    ['Melewati batas waktu', report.late],
    ['Rata-rata waktu jawab (hari kerja)', report.averageWorkingDays],
    ['Waktu jawab terlama (hari kerja)', report.longestWorkingDays],
    ['Keberatan diajukan', report.objections.filed],
    ['Keberatan diterima', report.objections.upheld],
    ['Keberatan ditolak', report.objections.rejected],
    ['Keberatan belum dijawab', report.objections.open],
    ...report.refusedBy.map(({ exemption, count }): PpidReportLine => [
      'Ditolak dengan dasar: {exemption}',
      count,
      { exemption },
    ]),
  ];
}

/** A line's label with its values filled in. */
export function ppidReportLabel([label, , values]: PpidReportLine): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => values?.[name] ?? whole);
}
