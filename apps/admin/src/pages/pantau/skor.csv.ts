import type { APIRoute } from 'astro';
import { type Completeness } from '../../lib/oversight';
import { type Cell, scoreTable } from '../../lib/score-table';

/** One CSV cell: quoted, inner quotes doubled; a leading =, +, - or @ cannot start a formula in a spreadsheet. */
const cell = (value: Cell) => {
  const text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

/** Every OPD's completeness score as a spreadsheet (UTF-8 with a byte-order mark, so Excel reads it right). */
export const GET: APIRoute = async ({ locals }) => {
  const role = locals.me?.platformRole;
  if (role !== 'monitor' && role !== 'platform_admin')
    return new Response('Tidak diizinkan', { status: 403 });
  const table = scoreTable(await locals.api.get<Completeness[]>('/api/v1/admin/oversight'), locals.t);
  const lines = [table.header, ...table.body].map((row) => row.map(cell).join(','));
  const today = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="skor-opd-${today}.csv"`,
    },
  });
};
