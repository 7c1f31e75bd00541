import type { APIRoute } from 'astro';
import { allScores, type CityTrend } from '../../lib/oversight';
import { missingTable, scoreTable } from '../../lib/score-table';
import { addSheet, newWorkbook, workbookResponse } from '../../lib/workbook';
import { wibDay } from '../../lib/wib';

/**
 * The monitors' dashboard as an Excel workbook: scores, one row per missing item, and the city's daily average
 * (one column per OPD would not fit a province: Excel stops at 16,384 columns; each OPD's trend is on the
 * dashboard).
 */
export const GET: APIRoute = async ({ locals }) => {
  const role = locals.me?.platformRole;
  if (role !== 'monitor' && role !== 'platform_admin')
    return new Response('Tidak diizinkan', { status: 403 });
  const { t } = locals;
  const [rows, trend] = await Promise.all([
    allScores(locals.api),
    locals.api.get<CityTrend>('/api/v1/admin/oversight/history?days=90'),
  ]);
  const workbook = newWorkbook();
  const scores = scoreTable(rows, t);
  addSheet(workbook, t('Skor'), scores.header, scores.body);
  const gaps = missingTable(rows, t);
  addSheet(workbook, t('Belum terpenuhi'), gaps.header, gaps.body);
  addSheet(
    workbook,
    t('Tren'),
    [t('Hari'), t('Rata-rata kota'), t('OPD dinilai')],
    trend.city.map((point) => [point.day, point.average, point.tenants]),
  );
  const today = wibDay(new Date());
  return workbookResponse(workbook, `skor-opd-${today}.xlsx`);
};
