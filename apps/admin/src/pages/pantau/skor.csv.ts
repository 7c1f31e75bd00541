import type { APIRoute } from 'astro';
import { allScores } from '../../lib/oversight';
import { formatAngka } from '@laman/shared';
import { type Cell, scoreTable } from '../../lib/score-table';
import { wibDateTime, wibDay } from '../../lib/wib';

/**
 * One CSV cell: quoted, inner quotes doubled; a leading =, +, - or @ cannot start a formula in a spreadsheet.
 * Times in WIB, decimals with a comma: what Excel set to Indonesian reads as a time and a number.
 */
const cell = (value: Cell) => {
  const text =
    value === null
      ? ''
      : value instanceof Date
        ? wibDateTime(value)
        : typeof value === 'number'
          ? formatAngka(value, { grouping: false })
          : String(value);
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

/**
 * Every OPD's completeness score as a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the letters
 * right) and `;` between cells, the list separator of Excel set to Indonesian (where `,` is the decimal mark).
 * No `sep=;` line: with it, Excel ignores the byte-order mark and garbles the letters.
 */
export const GET: APIRoute = async ({ locals }) => {
  const role = locals.me?.platformRole;
  if (role !== 'monitor' && role !== 'platform_admin')
    return new Response('Tidak diizinkan', { status: 403 });
  const table = scoreTable(await allScores(locals.api), locals.t);
  const lines = [table.header, ...table.body].map((row) => row.map(cell).join(';'));
  const today = wibDay(new Date());
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="skor-opd-${today}.csv"`,
    },
  });
};
