import type { APIRoute } from 'astro';
import { skmPeriodsBegun } from '@laman/shared';
import { canPublish } from '../../../lib/content';
import {
  allSuggestions,
  elementTable,
  profileTable,
  resultsOf,
  resultsPath,
  serviceTable,
  type SurveyResults,
  trendPeriods,
  trendTable,
} from '../../../lib/survey';
import { tenantPage } from '../../../lib/tenant-page';
import { wibDay } from '../../../lib/wib';
import { addSheet, newWorkbook, workbookResponse } from '../../../lib/workbook';

/**
 * The regulation's SKM report tables for one period (Permenpan RB 14/2017): the unit's values per element, each
 * service, the respondents' characteristics, the trend by quarter; and, for editors, the suggestions.
 */
export const GET: APIRoute = async ({ locals, params, url }) => {
  const page = locals.me ? tenantPage(locals.me, params.tenant) : null;
  if (!page) return new Response('Tidak diizinkan', { status: 403 });
  const { t } = locals;
  const today = wibDay(new Date());
  const period = skmPeriodsBegun(today).find(
    (candidate) => candidate.key === url.searchParams.get('periode'),
  );
  if (!period) return new Response('Periode tidak dikenal', { status: 404 });
  const [results, series, suggestions] = await Promise.all([
    locals.api.get<SurveyResults>(resultsPath(page.slug, period.key)),
    resultsOf(locals.api, page.slug, trendPeriods(today, 'triwulan')),
    canPublish(page.role) ? allSuggestions(locals.api, page.slug, period.key) : Promise.resolve(null),
  ]);
  const workbook = newWorkbook();
  for (const [name, table] of [
    [t('Nilai per unsur'), elementTable(results.opd, t)],
    [t('Per layanan'), serviceTable(results, t)],
    [t('Responden'), profileTable(results, t)],
    [t('Tren'), trendTable(series, t)],
  ] as const)
    addSheet(workbook, name, table.header, table.body);
  if (suggestions)
    addSheet(
      workbook,
      t('Saran'),
      [t('Tanggal'), t('Layanan'), t('Saran dan masukan')],
      suggestions.map((item) => [item.submittedOn, item.serviceTitle, item.suggestion]),
    );
  return workbookResponse(workbook, `skm-${page.slug}-${period.key}.xlsx`);
};
