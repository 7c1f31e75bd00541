import { loadSnapshot } from '../lib/snapshot';
import { absolute } from '../lib/site-url';

export function GET(): Response {
  return new Response(`User-agent: *\nAllow: /\nSitemap: ${absolute(loadSnapshot(), '/sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
