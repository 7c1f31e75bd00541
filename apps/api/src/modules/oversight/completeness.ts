import { skmMinimumRespondents } from '@laman/shared';
import { wibClock } from '../../core/time/wib';
import { CHECK_WEIGHTS, type CityPolicy, DEFAULT_POLICY } from './policy';

/**
 * How complete and current an OPD's public site is, scored 0–100 in the Komisi Informasi monev's bands, with
 * the reason behind every point. A pure function of what citizens can see now, of the date and of the city's
 * policy: a deadline that passes lowers the score without anyone touching the content. Only the checks the
 * policy requires count; the score is the share of their weight that is met.
 */
export interface SiteFacts {
  contact: { phone?: string; address?: string; email?: string };
  items: Array<{
    type: string;
    category: string | null;
    year: number | null;
    tags: string[];
    publishedAt: Date | string;
    fields: Record<string, unknown>;
  }>;
  /**
   * The OPD's information requests received in the last year or still unanswered, each with its legal clock
   * (WIB days): whether they were answered in time counts, once there are any.
   */
  requests?: RequestClock[];
  /**
   * When the OPD's latest satisfaction-survey answers came (newest first; at most the largest sample the survey
   * can need): enough of them in the policy's survey window meet the survey check as an uploaded result does.
   */
  surveyAnswers?: Array<Date | string>;
}

export interface RequestClock {
  receivedOn: string;
  dueOn: string;
  /** Answered (or forwarded) on this day, or null while the PPID has not. */
  answeredOn: string | null;
}

/** How far back a late answer still counts against the OPD. */
const REQUEST_MEMORY_DAYS = 365;

/** One thing the city expects, met or not. `text` is the missing-item wording, `values` fill it in. */
export interface Check {
  code: string;
  weight: number;
  met: boolean;
  text: string;
  values?: Record<string, string | number>;
}

export const BANDS = [
  { min: 90, band: 'informatif', label: 'Informatif' },
  { min: 80, band: 'menuju_informatif', label: 'Menuju Informatif' },
  { min: 60, band: 'cukup_informatif', label: 'Cukup Informatif' },
  { min: 40, band: 'kurang_informatif', label: 'Kurang Informatif' },
  { min: 0, band: 'tidak_informatif', label: 'Tidak Informatif' },
] as const;

export interface Completeness {
  score: number;
  band: (typeof BANDS)[number]['band'];
  bandLabel: string;
  checks: Check[];
}

export const DAY_MS = 86_400_000;
/** Months as the cadences count them. */
const MONTH_DAYS = 365 / 12;
const WIB_OFFSET_MS = 7 * 3_600_000;

/** An indicator (IKU) reports what it achieved in a year: the year's actual is filled in. */
function hasActual(indicator: SiteFacts['items'][number], year: number): boolean {
  const values = (indicator.fields['values'] ?? []) as Array<{ year?: number; actual?: number }>;
  return values.some((value) => value.year === year && typeof value.actual === 'number');
}

export function assess(facts: SiteFacts, now: Date, policy: CityPolicy = DEFAULT_POLICY): Completeness {
  const clock = wibClock(now);
  const year = clock.getUTCFullYear();
  const month = clock.getUTCMonth() + 1;
  const age = (item: SiteFacts['items'][number]) =>
    (now.getTime() - new Date(item.publishedAt).getTime()) / DAY_MS;
  const of = (type: string) => facts.items.filter((item) => item.type === type);
  const pages = new Set(of('halaman').map((page) => page.category));
  // Only a document with its file informs anyone (older ones published without a file tick nothing).
  const documents = of('dokumen').filter(
    (d) => Array.isArray(d.fields['files']) && d.fields['files'].length > 0,
  );
  const indicators = of('indikator');
  const document = (category: string, documentYear?: number) =>
    documents.some((d) => d.category === category && (documentYear === undefined || d.year === documentYear));
  // LKjIP of a year is due by the end of the policy's month of the next (Permenpan RB 53/2014: March).
  const lkjipYear = month > policy.lkjipDueMonth ? year - 1 : year - 2;
  const renstraInForce = documents.some((d) => {
    const to = typeof d.fields['yearTo'] === 'number' ? d.fields['yearTo'] : (d.year ?? 0) + 4;
    return d.category === 'renstra' && d.year !== null && d.year <= year && year <= to;
  });
  const check = (code: string, met: boolean, text: string, values?: Check['values']): Check => {
    const weight = CHECK_WEIGHTS[code]!;
    return values ? { code, weight, met, text, values } : { code, weight, met, text };
  };
  const { newsMaxDays, periodicInfoMaxMonths, surveyMaxMonths } = policy;

  const all = [
    check('contact.phone', Boolean(facts.contact.phone), 'Belum ada nomor telepon'),
    check('contact.address', Boolean(facts.contact.address), 'Belum ada alamat kantor'),
    check('contact.email', Boolean(facts.contact.email), 'Belum ada email resmi'),
    check('profile.vision', pages.has('visi-misi'), 'Belum ada halaman visi dan misi'),
    check('profile.duties', pages.has('tupoksi'), 'Belum ada halaman tugas pokok dan fungsi'),
    check('profile.structure', pages.has('struktur-organisasi'), 'Belum ada struktur organisasi'),
    check('profile.officials', of('pejabat').length > 0, 'Belum ada data pejabat'),
    check('services.published', of('layanan').length > 0, 'Belum ada layanan yang diterbitkan'),
    check(
      'services.pledge',
      document('maklumat') || pages.has('maklumat'),
      'Maklumat pelayanan belum diunggah',
    ),
    surveyCheck(facts, documents, surveyMaxMonths, now),
    check('ppid.profile', pages.has('ppid'), 'Belum ada profil PPID'),
    check(
      'ppid.list',
      document('ppid_daftar_informasi_publik'),
      'Daftar informasi publik (PPID) belum diunggah',
    ),
    check(
      'ppid.periodic',
      documents.some((d) => d.tags.includes('berkala') && age(d) <= periodicInfoMaxMonths * MONTH_DAYS),
      'Informasi berkala tidak diperbarui dalam {months} bulan',
      { months: periodicInfoMaxMonths },
    ),
    check('performance.renstra', renstraInForce, 'Renstra yang berlaku belum diunggah'),
    check('performance.renja', document('renja', year), 'Renja {year} belum diunggah', { year }),
    check(
      'performance.agreement',
      document('perjanjian_kinerja', year),
      'Perjanjian kinerja {year} belum diunggah',
      { year },
    ),
    check('performance.report', document('lkjip', lkjipYear), 'LKjIP {year} belum diunggah', {
      year: lkjipYear,
    }),
    check(
      'performance.actuals',
      indicators.length > 0 && indicators.every((indicator) => hasActual(indicator, lkjipYear)),
      'Realisasi IKU {year} belum diisi',
      { year: lkjipYear },
    ),
    check(
      'news.monthly',
      of('berita').some((news) => age(news) <= newsMaxDays),
      'Tidak ada berita dalam {days} hari terakhir',
      { days: newsMaxDays },
    ),
  ];
  const answers = requestsInTime(facts.requests ?? [], now);
  if (answers) all.push(answers);
  const required = new Set(policy.required);
  const checks = all.filter((item) => required.has(item.code));
  const total = checks.reduce((sum, item) => sum + item.weight, 0);
  const met = checks.reduce((sum, item) => sum + (item.met ? item.weight : 0), 0);
  const score = total === 0 ? 100 : Math.round((met / total) * 100);
  const band = BANDS.find((entry) => score >= entry.min)!;
  return { score, band: band.band, bandLabel: band.label, checks };
}

/** A day (WIB) as `YYYY-MM-DD`, `days` after `now`'s. */
function wibDayAfter(now: Date, days: number): string {
  return new Date(now.getTime() + WIB_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The people the OPD's published services serve in a year, as their pages estimate it; unknown (null) while
 * any service has no estimate.
 */
function servedYearly(facts: SiteFacts): number | null {
  const estimates = facts.items
    .filter((item) => item.type === 'layanan')
    .map((item) => item.fields['annualUsers']);
  if (!estimates.length || !estimates.every((estimate) => typeof estimate === 'number')) return null;
  return (estimates as number[]).reduce((sum, estimate) => sum + estimate, 0);
}

/** The answers inside the survey window at `now`, newest first. */
function surveyWindow(facts: SiteFacts, surveyMaxMonths: number, now: Date): number[] {
  const since = now.getTime() - surveyMaxMonths * MONTH_DAYS * DAY_MS;
  return (facts.surveyAnswers ?? []).map((at) => new Date(at).getTime()).filter((at) => at >= since);
}

/**
 * The satisfaction survey (Permenpan RB 14/2017, at least yearly): met by a published SKM result in the window,
 * or by the site's own survey once the window holds the sample the OPD's services need (Krejcie–Morgan).
 */
function surveyCheck(
  facts: SiteFacts,
  documents: SiteFacts['items'],
  surveyMaxMonths: number,
  now: Date,
): Check {
  const uploaded = documents.some(
    (d) =>
      d.category === 'skm' &&
      (now.getTime() - new Date(d.publishedAt).getTime()) / DAY_MS <= surveyMaxMonths * MONTH_DAYS,
  );
  const minimum = skmMinimumRespondents(servedYearly(facts));
  const respondents = surveyWindow(facts, surveyMaxMonths, now).length;
  return {
    code: 'services.survey',
    weight: CHECK_WEIGHTS['services.survey']!,
    met: uploaded || respondents >= minimum,
    text: 'Hasil survei kepuasan masyarakat {months} bulan terakhir belum ada: unggah hasilnya, atau kumpulkan {minimum} responden survei di situs ({respondents} sejauh ini)',
    values: { months: surveyMaxMonths, minimum, respondents },
  };
}

/**
 * When the survey check can next change with time: the answer that keeps the window at its sample leaving it
 * (answers only leave; a new one makes the score due through the database).
 */
function surveyFlip(facts: SiteFacts, policy: CityPolicy, now: Date): number | null {
  const inWindow = surveyWindow(facts, policy.surveyMaxMonths, now);
  const minimum = skmMinimumRespondents(servedYearly(facts));
  const keeping = inWindow[minimum - 1];
  return keeping === undefined ? null : keeping + policy.surveyMaxMonths * MONTH_DAYS * DAY_MS + 1;
}

/** The requests the check reads at `now`: received within its memory, or still unanswered. */
function countedRequests(requests: RequestClock[], now: Date): RequestClock[] {
  const since = wibDayAfter(now, -REQUEST_MEMORY_DAYS);
  return requests.filter((request) => request.receivedOn > since || !request.answeredOn);
}

/**
 * Whether the PPID answers in time (UU 14/2008: 10 working days, once extended by 7): none unanswered past its
 * due day, none answered late in the last year. Only for an OPD that has requests to answer: one that received
 * none is neither rewarded nor penalised (the check is left out, as a policy exemption would).
 */
function requestsInTime(requests: RequestClock[], now: Date): Check | null {
  const counted = countedRequests(requests, now);
  if (!counted.length) return null;
  const today = wibDayAfter(now, 0);
  const overdue = counted.filter((request) => !request.answeredOn && today > request.dueOn).length;
  const late = counted.filter((request) => request.answeredOn && request.answeredOn > request.dueOn).length;
  return {
    code: 'ppid.on_time',
    weight: CHECK_WEIGHTS['ppid.on_time']!,
    met: overdue + late === 0,
    text: 'Permohonan informasi: {overdue} belum dijawab melewati batas, {late} dijawab terlambat dalam setahun terakhir',
    values: { overdue, late },
  };
}

/** The WIB midnight that starts `day` (`YYYY-MM-DD`), as an instant. */
function wibMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS;
}

/** When the requests' check can next change with time: a due day passing, a request leaving its memory. */
function requestFlips(requests: RequestClock[], now: Date): number[] {
  return countedRequests(requests, now).flatMap((request) => [
    ...(request.answeredOn ? [] : [wibMidnight(request.dueOn) + DAY_MS]),
    wibMidnight(request.receivedOn) + REQUEST_MEMORY_DAYS * DAY_MS,
  ]);
}

/**
 * The earliest moment after `now` at which the assessment can change with time alone (content and policy as
 * they are): an item crossing one of the policy's age limits, a new WIB year (the year's documents), or the
 * month after the LKjIP deadline (which year's report is due). Between `now` and that moment `assess` answers
 * the same, so a score kept until then is exact. Candidates where nothing flips are harmless: the score is
 * simply computed again.
 */
export function nextChange(facts: SiteFacts, now: Date, policy: CityPolicy = DEFAULT_POLICY): Date {
  const clock = wibClock(now);
  const year = clock.getUTCFullYear();
  const wib = (y: number, monthIndex: number) => Date.UTC(y, monthIndex, 1) - WIB_OFFSET_MS;
  // `month > lkjipDueMonth` first holds on the 1st of the month after it (month index = lkjipDueMonth).
  const afterDeadline = wib(year, policy.lkjipDueMonth);
  const boundaries = [wib(year + 1, 0), ...(afterDeadline > now.getTime() ? [afterDeadline] : [])];
  const limits = [
    policy.newsMaxDays,
    policy.surveyMaxMonths * MONTH_DAYS,
    policy.periodicInfoMaxMonths * MONTH_DAYS,
  ].map((days) => days * DAY_MS);
  let earliest = Math.min(...boundaries);
  for (const flips of [
    ...requestFlips(facts.requests ?? [], now),
    surveyFlip(facts, policy, now) ?? Infinity,
  ])
    if (flips > now.getTime() && flips < earliest) earliest = flips;
  for (const item of facts.items) {
    const published = new Date(item.publishedAt).getTime();
    for (const limit of limits) {
      // `age <= limit` holds up to and including published + limit: it first fails a millisecond later.
      const flips = published + limit + 1;
      if (flips > now.getTime() && flips < earliest) earliest = flips;
    }
  }
  return new Date(earliest);
}
