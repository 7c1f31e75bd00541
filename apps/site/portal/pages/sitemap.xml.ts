import { loadCity, portalPaths, portalUrl } from '../lib/city';

export function GET(): Response {
  const urls = portalPaths(loadCity())
    .map((path) => `<url><loc>${portalUrl()}${path}</loc></url>`)
    .join('');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
}
