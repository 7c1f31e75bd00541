import type { APIRoute } from 'astro';
import ExcelJS from 'exceljs';
import { allScores, type CityTrend } from '../../lib/oversight';
import { type Cell, missingTable, scoreTable } from '../../lib/score-table';
import { asWibWallClock, wibDay } from '../../lib/wib';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], body: Cell[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  // Text is written as text: a cell that looks like a formula stays a string (exceljs never evaluates it).
  for (const row of body)
    sheet
      .addRow(row.map((value) => (value instanceof Date ? asWibWallClock(value) : value)))
      .eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
      });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(header[index]!.length, ...body.map((row) => String(row[index] ?? '').length));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
}

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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Laman';
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
  return new Response(await workbook.xlsx.writeBuffer(), {
    headers: {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="skor-opd-${today}.xlsx"`,
    },
  });
};
