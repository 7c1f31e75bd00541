/**
 * Where an item of each content type appears on an OPD site, relative to its root: its own page, or the list
 * page that shows it. The theme's routes decide this; the admin (live links) and the preview renderer follow.
 */
export function sitePagePath(type: string, slug: string): string {
  switch (type) {
    case 'berita':
    case 'layanan':
      return `${type}/${slug}/`;
    case 'halaman':
      return `profil/${slug}/`;
    case 'indikator':
      return 'kinerja/';
    default:
      return `${type}/`;
  }
}
