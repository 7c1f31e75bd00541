import type { APIRoute } from 'astro';
import { type Completeness, missing } from '../../lib/oversight';
import { KIND_LABELS } from '../../lib/platform';

/** One CSV cell: quoted, inner quotes doubled; a leading =, +, - or @ cannot start a formula in a spreadsheet. */
const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

/** Every OPD's completeness score as a spreadsheet (UTF-8 with a byte-order mark, so Excel reads it right). */
export const GET: APIRoute = async ({ locals }) => {
  const role = locals.me?.platformRole;
  if (role !== 'monitor' && role !== 'platform_admin')
    return new Response('Tidak diizinkan', { status: 403 });
  const { t } = locals;
  const rows = await locals.api.get<Completeness[]>('/api/v1/admin/oversight');
  const header = [
    'OPD',
    'Slug',
    'Jenis',
    'Skor',
    'Kategori',
    'Hari sejak terakhir terbit',
    'Terakhir terbit',
    'Belum terpenuhi',
  ];
  const lines = [
    header.map((name) => cell(t(name))).join(','),
    ...rows.map((row) =>
      [
        row.name,
        row.slug,
        t(KIND_LABELS[row.kind] ?? row.kind),
        row.score,
        t(row.bandLabel),
        row.daysSinceUpdate,
        row.lastPublishedAt,
        missing(row)
          .map((check) => t(check.text, check.values))
          .join('; '),
      ]
        .map(cell)
        .join(','),
    ),
  ];
  const today = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="skor-opd-${today}.csv"`,
    },
  });
};
