import { loadSnapshot } from '../lib/snapshot';
import { absolute, pagePaths } from '../lib/site-url';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function GET(): Response {
  const snapshot = loadSnapshot();
  const urls = pagePaths(snapshot)
    .map((path) => `<url><loc>${escape(absolute(snapshot, path))}</loc></url>`)
    .join('');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
}
