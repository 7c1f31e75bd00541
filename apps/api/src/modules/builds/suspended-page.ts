import { escapeHtml } from '@laman/shared';

/**
 * What a suspended OPD's site shows at every address (with HTTP 503): plain, self-contained (no script, no
 * external file), in Bahasa Indonesia, with where citizens can still turn: the city's own site.
 */
export function suspendedPage(opdName: string, cityDomain: string): string {
  const name = escapeHtml(opdName);
  const city = `https://${escapeHtml(cityDomain)}`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Situs ini sedang ditangguhkan · ${name}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}h1{font-size:1.5rem}</style>
</head>
<body>
<main>
<h1>Situs ini sedang ditangguhkan</h1>
<p>Situs ${name} untuk sementara tidak dapat diakses. Pemerintah Kota Bandar Lampung sedang memeriksanya.</p>
<p>Informasi dan layanan Pemerintah Kota Bandar Lampung tetap tersedia di <a href="${city}">${city}</a>. Untuk pertanyaan, hubungi Dinas Komunikasi, Informatika dan Statistik Kota Bandar Lampung.</p>
</main>
</body>
</html>
`;
}
