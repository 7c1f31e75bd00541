import { portalUrl } from '../lib/city';

export function GET(): Response {
  return new Response(`User-agent: *\nAllow: /\nSitemap: ${portalUrl()}/sitemap.xml\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
