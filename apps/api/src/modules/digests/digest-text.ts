import { wibClock } from '../../core/time/wib';
import { type Check } from '../oversight/completeness';

/** The ISO week (e.g. `2026-W49`) of a moment, counted in WIB, and whether the week's digests are due yet. */
export function digestWeek(now: Date): { week: string; due: boolean } {
  const wib = wibClock(now);
  const day = wib.getUTCDay() || 7;
  const thursday = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() + 4 - day));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const number = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  // Digests go out on Monday from 07:00 WIB (or later in the week, if the platform was down then).
  const due = day > 1 || wib.getUTCHours() >= 7;
  return { week: `${thursday.getUTCFullYear()}-W${String(number).padStart(2, '0')}`, due };
}

const fill = (check: Pick<Check, 'text' | 'values'>) =>
  check.text.replace(/\{(\w+)\}/g, (whole, key: string) => String(check.values?.[key] ?? whole));

export interface OpdDigestInput {
  name: string;
  score: number;
  bandLabel: string;
  missing: Check[];
  dueSoon: Check[];
  dashboardUrl: string;
}

/** An OPD's weekly digest, in Bahasa Indonesia: what its site lacks now, and what will lapse within a week. */
export function opdDigest(input: OpdDigestInput, week: string): { subject: string; body: string } {
  const lines = [
    `Ringkasan mingguan situs ${input.name} (${week})`,
    '',
    `Skor kelengkapan: ${input.score} dari 100 (${input.bandLabel}).`,
    '',
    input.missing.length
      ? 'Yang belum ada atau sudah lewat tenggat:'
      : 'Semua yang diminta kota sudah ada di situs. Terima kasih!',
    ...input.missing.map((check) => `- ${fill(check)}`),
  ];
  if (input.dueSoon.length)
    lines.push('', 'Akan lewat tenggat dalam 7 hari:', ...input.dueSoon.map((check) => `- ${fill(check)}`));
  lines.push(
    '',
    `Buka dasbor OPD untuk memperbaikinya: ${input.dashboardUrl}`,
    '',
    'Pesan ini dikirim otomatis oleh Laman. Admin OPD dapat menghentikannya di halaman Ringkasan mingguan.',
  );
  const subject = input.missing.length
    ? `[Laman] ${input.name}: ${input.missing.length} hal perlu dilengkapi (skor ${input.score})`
    : `[Laman] ${input.name}: situs lengkap (skor ${input.score})`;
  return { subject, body: lines.join('\n') };
}

export interface CityRow {
  name: string;
  score: number;
  bandLabel: string;
  missing: number;
  daysSinceUpdate: number | null;
}

/** The city in a few figures and the OPDs to look at first, as `OversightService.cityDigestView` reads them. */
export interface CityDigestInput {
  opds: number;
  average: number | null;
  bands: Array<{ bandLabel: string; opds: number }>;
  quiet: number;
  lowest: CityRow[];
  quietest: CityRow[];
}

const thousands = (count: number) => count.toLocaleString('id-ID');

const cityLine = (row: CityRow) =>
  `- ${row.name}: ${row.score} (${row.bandLabel}), ${row.missing} hal belum ada, ` +
  (row.daysSinceUpdate === null ? 'belum pernah terbit' : `terakhir terbit ${row.daysSinceUpdate} hari lalu`);

/** A heading over a short list, saying so when the list is only the first of more. */
const listHeading = (title: string, shown: number, of: number) =>
  shown < of ? `${title} (${shown} dari ${thousands(of)}):` : `${title}:`;

/**
 * The monitors' weekly city summary: the city in counts, then the lowest scores and the OPDs gone quiet longest —
 * a short list each (the dashboard has the rest), so it reads the same for 40 OPDs as for 20,000.
 */
export function cityDigest(
  input: CityDigestInput,
  week: string,
  newsMaxDays: number,
  dashboardUrl: string,
): { subject: string; body: string } {
  const average = Math.round(input.average ?? 0);
  const bands = input.bands.filter((band) => band.opds > 0);
  const quietShown = input.quietest.filter(
    (row) => row.daysSinceUpdate === null || row.daysSinceUpdate > newsMaxDays,
  );
  const lines = [
    `Ringkasan mingguan situs OPD Kota Bandar Lampung (${week})`,
    '',
    `${thousands(input.opds)} OPD aktif; rata-rata skor ${average}.`,
    ...(bands.length
      ? [bands.map((band) => `${band.bandLabel}: ${thousands(band.opds)}`).join('; ') + '.']
      : []),
    `${thousands(input.quiet)} OPD tidak memperbarui situsnya lebih dari ${newsMaxDays} hari.`,
    '',
    listHeading('Skor terendah dulu', input.lowest.length, input.opds),
    ...input.lowest.map(cityLine),
  ];
  if (quietShown.length)
    lines.push(
      '',
      listHeading('Paling lama tidak terbit', quietShown.length, input.quiet),
      ...quietShown.map(cityLine),
    );
  lines.push('', `Rincian dan tren: ${dashboardUrl}`);
  return {
    subject: `[Laman] Ringkasan mingguan OPD ${week}: rata-rata skor ${average}`,
    body: lines.join('\n'),
  };
}
