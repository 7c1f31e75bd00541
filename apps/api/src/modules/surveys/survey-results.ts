import {
  SKM_PROFILE,
  SKM_PROFILE_FIELDS,
  skmMinimumRespondents,
  type SkmPeriod,
  type SkmProfileField,
  skmResult,
  type SkmResult,
} from '@laman/shared';
import { type PublishedService } from '../content/published-content.repository';
import { type ProfileCount, type ServiceTotals } from './survey-responses.repository';

/** A result with the sample it needs beside the sample it has. */
export interface SampledResult extends SkmResult {
  minimumRespondents: number;
  enough: boolean;
}

export interface ServiceSurveyResult extends SampledResult {
  title: string;
  /** Its page on the OPD site, while it is published. */
  slug: string | null;
}

/** How many respondents gave each answer to one profile question; `value` null: left it out. */
export interface ProfileRow {
  value: string | null;
  label: string;
  count: number;
}

export interface SurveyResults {
  period: string;
  periodLabel: string;
  asOf: string;
  opd: SampledResult;
  services: ServiceSurveyResult[];
  /** The respondents' profile (the regulation's table of respondent characteristics). */
  profile: Record<SkmProfileField, ProfileRow[]>;
}

/** Every answer of every profile question, with its count (0 when nobody gave it), then those who left it out. */
export function respondentProfile(counts: ProfileCount[]): Record<SkmProfileField, ProfileRow[]> {
  const countOf = (field: SkmProfileField, value: string | null) =>
    counts.find((row) => row.field === field && row.value === value)?.count ?? 0;
  return Object.fromEntries(
    SKM_PROFILE_FIELDS.map((field) => [
      field,
      [
        ...SKM_PROFILE[field].options.map((option) => ({
          value: option.value,
          label: option.label,
          count: countOf(field, option.value),
        })),
        { value: null, label: 'Tidak diisi', count: countOf(field, null) },
      ],
    ]),
  ) as Record<SkmProfileField, ProfileRow[]>;
}

const NO_ANSWERS = Array<number>(9).fill(0);

/** The people a service serves in the period, from its yearly estimate (null: not estimated). */
const servedIn = (annualUsers: number | null, period: SkmPeriod) =>
  annualUsers === null ? null : Math.max(1, Math.round(annualUsers * period.share));

function sampled(respondents: number, sums: readonly number[], served: number | null): SampledResult {
  const minimumRespondents = skmMinimumRespondents(served);
  return { ...skmResult(respondents, sums), minimumRespondents, enough: respondents >= minimumRespondents };
}

/**
 * The period's results: each published service (answered or not), then services answered in the period that
 * are no longer published; and the OPD's, over all answers. The OPD serves the sum of its services' estimates —
 * unknown while any published service has none.
 */
export function surveyResults(
  period: SkmPeriod,
  asOf: string,
  services: PublishedService[],
  totals: ServiceTotals[],
  profile: ProfileCount[],
): SurveyResults {
  const byService = new Map(totals.map((total) => [total.serviceId, total]));
  const published = services.map((service): ServiceSurveyResult => {
    const total = byService.get(service.itemId);
    return {
      title: service.title,
      slug: service.slug,
      ...sampled(total?.respondents ?? 0, total?.sums ?? NO_ANSWERS, servedIn(service.annualUsers, period)),
    };
  });
  const live = new Set(services.map((service) => service.itemId));
  const gone = totals
    .filter((total) => total.serviceId === null || !live.has(total.serviceId))
    .map((total): ServiceSurveyResult => ({
      title: total.serviceTitle,
      slug: null,
      ...sampled(total.respondents, total.sums, null),
    }));
  const respondents = totals.reduce((count, total) => count + total.respondents, 0);
  const sums = NO_ANSWERS.map((_, i) => totals.reduce((sum, total) => sum + total.sums[i]!, 0));
  const estimates = services.map((service) => service.annualUsers);
  const served =
    estimates.length && estimates.every((estimate) => estimate !== null)
      ? estimates.reduce((sum, estimate) => sum! + estimate!, 0)
      : null;
  return {
    period: period.key,
    periodLabel: period.label,
    asOf,
    opd: sampled(respondents, sums, servedIn(served, period)),
    services: [...published, ...gone],
    profile: respondentProfile(profile),
  };
}
