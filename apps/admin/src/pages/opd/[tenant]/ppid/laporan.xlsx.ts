import type { APIRoute } from 'astro';
import { ppidReportYears } from '@laman/shared';
import { ppidDesk } from '../../../../lib/ppid';
import { registerTable, reportLines, type ServiceReport, wholeRegister } from '../../../../lib/ppid-report';
import { wibDay } from '../../../../lib/wib';
import { addSheet, newWorkbook, workbookResponse } from '../../../../lib/workbook';

/** The year's service report and request register as a workbook, for the OPD's PPID roles. */
export const GET: APIRoute = async ({ locals, params, url }) => {
  const desk = locals.me ? ppidDesk(locals.me, params.tenant) : null;
  if (!desk) return new Response('Tidak diizinkan', { status: 403 });
  const { t } = locals;
  const years = ppidReportYears(wibDay(new Date()));
  const year = Number(url.searchParams.get('tahun'));
  if (!years.includes(year)) return new Response('Tahun tidak dikenal', { status: 404 });
  const [report, rows] = await Promise.all([
    locals.api.get<ServiceReport>(`/api/v1/public/${desk.slug}/ppid/report?year=${year}`),
    wholeRegister(locals.api, desk.slug, year),
  ]);
  const workbook = newWorkbook();
  addSheet(workbook, t('Laporan'), [t('Uraian'), t('Jumlah')], reportLines(report, t));
  const register = registerTable(rows, t);
  addSheet(workbook, t('Register'), register.header, register.body);
  return workbookResponse(workbook, `ppid-${desk.slug}-${year}.xlsx`);
};
