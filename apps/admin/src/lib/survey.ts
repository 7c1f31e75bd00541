import {
  formatAngka,
  SKM_ELEMENTS,
  SKM_PROFILE,
  SKM_PROFILE_FIELDS,
  type SkmPeriod,
  skmPeriodsBegun,
} from '@laman/shared';
import type { ApiClient } from './api';
import type { Translate } from './i18n';
import type { Cell } from './workbook';

/** A survey result with its sample, as the API computes it (per OPD or per service). */
export interface SampledResult {
  respondents: number;
  minimumRespondents: number;
  enough: boolean;
  elements: Array<number | null>;
  index: number | null;
  grade: { grade: string; label: string } | null;
}

export interface SurveyResults {
  period: string;
  periodLabel: string;
  asOf: string;
  opd: SampledResult;
  services: Array<SampledResult & { title: string; slug: string | null }>;
  profile: Record<string, Array<{ value: string | null; label: string; count: number }>>;
}

export interface Suggestion {
  submittedOn: string;
  serviceTitle: string;
  suggestion: string;
}

/** How a trend steps: by quarter, semester or year. */
export const TREND_STEPS = { triwulan: /-T\d$/, semester: /-S\d$/, tahun: /^\d{4}$/ } as const;
export type TrendStep = keyof typeof TREND_STEPS;

/** The last eight periods of one step that have begun by `today`, oldest first. */
export function trendPeriods(today: string, step: TrendStep): SkmPeriod[] {
  return skmPeriodsBegun(today)
    .filter((period) => TREND_STEPS[step].test(period.key))
    .slice(0, 8)
    .reverse();
}

export const resultsPath = (slug: string, period: string) =>
  `/api/v1/public/${slug}/surveys/results?period=${period}`;

/** The results of each period, in the order given. */
export function resultsOf(api: ApiClient, slug: string, periods: SkmPeriod[]): Promise<SurveyResults[]> {
  return Promise.all(periods.map((period) => api.get<SurveyResults>(resultsPath(slug, period.key))));
}

/** Every suggestion of the period (a download reads them all), newest first. */
export async function allSuggestions(api: ApiClient, slug: string, period: string): Promise<Suggestion[]> {
  const rows: Suggestion[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api.get<{ items: Suggestion[]; total: number }>(
      `/api/v1/tenants/${slug}/surveys/suggestions?period=${period}&limit=200&offset=${offset}`,
    );
    rows.push(...page.items);
    if (page.items.length < 200 || rows.length >= page.total) return rows;
  }
}

const decimal = (value: number | null) => (value === null ? null : Number(value.toFixed(2)));
export const shown = (value: number | null) =>
  value === null ? '–' : formatAngka(value, { fractionDigits: 2 });
/** An index as the regulation writes it: always two decimals ("82,00"). */
export const indexText = (value: number) =>
  value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The regulation's table of the unit's values: per element its average (NRR), its weighted average (NRR × 1/9),
 * then the index (the weighted sum × 25) with its grade.
 */
export function elementTable(result: SampledResult, t: Translate): { header: string[]; body: Cell[][] } {
  const header = [t('Unsur'), t('Nilai rata-rata (NRR)'), t('NRR tertimbang')].map(String);
  const body: Cell[][] = SKM_ELEMENTS.map((element, i) => {
    const nrr = result.elements[i] ?? null;
    return [
      `${element.name.toUpperCase()} ${t(element.label)}`,
      decimal(nrr),
      nrr === null ? null : Number((nrr / 9).toFixed(3)),
    ];
  });
  body.push([t('Indeks kepuasan masyarakat (IKM)'), decimal(result.index), null]);
  body.push([
    t('Mutu pelayanan'),
    result.grade ? `${result.grade.grade} (${t(result.grade.label)})` : null,
    null,
  ]);
  body.push([t('Responden'), result.respondents, null]);
  body.push([t('Responden minimal'), result.minimumRespondents, null]);
  return { header, body };
}

/** Each service's result in the period. */
export function serviceTable(results: SurveyResults, t: Translate): { header: string[]; body: Cell[][] } {
  const header = [
    t('Layanan'),
    t('Responden'),
    t('Responden minimal'),
    t('IKM'),
    t('Mutu'),
    ...SKM_ELEMENTS.map((element) => element.name.toUpperCase()),
  ];
  const body = results.services.map((service): Cell[] => [
    service.title,
    service.respondents,
    service.minimumRespondents,
    decimal(service.index),
    service.grade ? `${service.grade.grade} (${t(service.grade.label)})` : null,
    ...service.elements.map(decimal),
  ]);
  return { header, body };
}

/** The respondents' characteristics: each profile question, each answer, how many gave it and their share. */
export function profileTable(results: SurveyResults, t: Translate): { header: string[]; body: Cell[][] } {
  const total = results.opd.respondents;
  const body = SKM_PROFILE_FIELDS.flatMap((field) =>
    (results.profile[field] ?? []).map((row): Cell[] => [
      t(SKM_PROFILE[field].label),
      t(row.label),
      row.count,
      total ? Number(((row.count / total) * 100).toFixed(1)) : null,
    ]),
  );
  return { header: [t('Karakteristik'), t('Kategori'), t('Jumlah'), t('Persentase (%)')], body };
}

/** Each element's average period by period, then the index: the trend the OPD acts on. */
export function trendTable(series: SurveyResults[], t: Translate): { header: string[]; body: Cell[][] } {
  const header = [t('Unsur'), ...series.map((results) => t(results.periodLabel))];
  const body: Cell[][] = SKM_ELEMENTS.map((element, i) => [
    `${element.name.toUpperCase()} ${t(element.label)}`,
    ...series.map((results) => decimal(results.opd.elements[i] ?? null)),
  ]);
  body.push([t('IKM'), ...series.map((results) => decimal(results.opd.index))]);
  body.push([t('Responden'), ...series.map((results) => results.opd.respondents)]);
  return { header, body };
}
