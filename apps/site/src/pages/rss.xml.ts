import rss from '@astrojs/rss';
import { sitePagePath } from '@laman/shared';
import { loadSnapshot } from '../lib/snapshot';
import { siteUrl } from '../lib/site-url';

/** News and announcements, newest first: how many readers follow an OPD (and how WhatsApp shares spread). */
export function GET(): Promise<Response> {
  const snapshot = loadSnapshot();
  const items = snapshot.items
    .filter((item) => item.type === 'berita' || item.type === 'pengumuman')
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, 50);
  return rss({
    title: snapshot.tenant.name,
    description:
      snapshot.settings.tagline ?? `Berita dan pengumuman ${snapshot.tenant.name}, Kota Bandar Lampung`,
    site: siteUrl(snapshot),
    customData: '<language>id</language>',
    items: items.map((item) => ({
      title: item.title,
      link: `/${sitePagePath(item.type, item.slug)}`,
      pubDate: new Date(item.publishedAt),
      description: item.summary ?? undefined,
    })),
  });
}
