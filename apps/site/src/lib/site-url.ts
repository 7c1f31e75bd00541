import { DETAIL_ROUTES, newsArchiveHref } from '@laman/shared';
import { newsArchiveNumbers } from './news-pages';
import { type Snapshot } from './snapshot';

/** The site's public address: its custom domain, else `<slug>.<city domain>` (LAMAN_SITES_DOMAIN). */
export function siteUrl(snapshot: Snapshot): string {
  const domain =
    snapshot.tenant.domain ??
    `${snapshot.tenant.slug}.${process.env['LAMAN_SITES_DOMAIN'] || 'bandarlampungkota.go.id'}`;
  return `https://${domain}`;
}

export function absolute(snapshot: Snapshot, path: string): string {
  return new URL(path, siteUrl(snapshot)).toString();
}

/** Every page the theme builds for the snapshot, for the sitemap. */
export function pagePaths(snapshot: Snapshot): string[] {
  const of = (type: string, prefix: string) =>
    snapshot.items.filter((item) => item.type === type).map((item) => `/${prefix}/${item.slug}/`);
  return [
    '/',
    '/profil/',
    '/pejabat/',
    '/berita/',
    ...newsArchiveNumbers(snapshot).map(newsArchiveHref),
    '/pengumuman/',
    '/agenda/',
    '/layanan/',
    '/kinerja/',
    '/dokumen/',
    '/ppid/',
    '/galeri/',
    '/kontak/',
    ...Object.entries(DETAIL_ROUTES).flatMap(([type, folder]) => of(type, folder)),
  ];
}
