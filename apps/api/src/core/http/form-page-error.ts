import { type ServerResponse } from 'node:http';
import { html, htmlDocument } from '@laman/shared';

/** Where HTML forms post (an OPD site's pages that work without JavaScript): they send url-encoded bodies. */
export const FORM_PAGES_PATH = '/api/v1/site-pages/';

export function isFormPage(url: string | undefined): boolean {
  return (url ?? '').startsWith(FORM_PAGES_PATH);
}

/** What a citizen can do about each failure the pipeline answers before a page's own rules run. */
const ADVICE: Record<number, string> = {
  400: 'Formulir tidak dapat dibaca. Muat ulang halaman formulir lalu kirim lagi.',
  404: 'Halaman tidak ditemukan. Periksa alamatnya, atau buka lagi dari halaman PPID.',
  413: 'Isian terlalu panjang. Persingkat isian lalu kirim lagi.',
  415: 'Formulir tidak dapat dibaca. Muat ulang halaman formulir lalu kirim lagi.',
  429: 'Terlalu banyak permintaan dari jaringan Anda. Tunggu sebentar lalu coba lagi.',
};
const FALLBACK = 'Permintaan tidak dapat diproses saat ini. Silakan coba lagi nanti.';

/**
 * The answer to a failure on a site page that its own rules did not turn into a page (body too large, too many
 * requests, a fault): a plain HTML page in Bahasa Indonesia, because a browser without JavaScript shows what it
 * is given and JSON would mean nothing to a citizen. The link leads back to the section the form belongs to.
 */
export function writeFormPageError(response: ServerResponse, status: number, url: string): void {
  const section = url.slice(FORM_PAGES_PATH.length).split('?')[0]!.split('/').filter(Boolean);
  const back = '../'.repeat(Math.max(section.length - 2, 0)) || './';
  const page = htmlDocument({
    title: 'Permintaan tidak dapat diproses',
    style:
      'body{font-family:system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;line-height:1.6}',
    body: html`<main>
      <h1>Permintaan tidak dapat diproses</h1>
      <p role="alert">${ADVICE[status] ?? FALLBACK}</p>
      <p><a href="${back}">Kembali</a></p>
    </main>`,
  });
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Content-Language', 'id');
  response.setHeader('Cache-Control', 'no-store');
  response.end(page.value);
}
