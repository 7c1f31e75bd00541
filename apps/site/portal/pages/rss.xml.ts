import rss from '@astrojs/rss';
import { loadCity, portalUrl, storyHref, tenantOf } from '../lib/city';

/** The city's news and urgent announcements from every OPD, newest first; each links where the portal does. */
export function GET(): Promise<Response> {
  const city = loadCity();
  const stories = [
    ...city.news.map((story) => ({ story, type: 'berita' as const })),
    ...city.announcements.map((story) => ({ story, type: 'pengumuman' as const })),
  ].sort((a, b) => b.story.publishedAt.localeCompare(a.story.publishedAt));
  return rss({
    title: 'Portal Kota Bandar Lampung',
    description: 'Berita dan pengumuman semua perangkat daerah Kota Bandar Lampung',
    site: portalUrl(),
    customData: '<language>id</language>',
    items: stories.slice(0, 50).map(({ story, type }) => ({
      title: `${story.title} — ${tenantOf(city, story.tenant).shortName}`,
      link: storyHref(city, story, type),
      pubDate: new Date(story.publishedAt),
      description: story.summary ?? undefined,
    })),
  });
}
