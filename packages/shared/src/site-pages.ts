/**
 * Content types with a page of their own on an OPD site, and the folder those pages live in. The theme's routes
 * follow this (`apps/site/src/pages/<folder>/[slug].astro`), as do its render plan and sitemap, the admin's live
 * links, the preview renderer and the portal.
 */
export const DETAIL_ROUTES: Readonly<Record<string, string>> = {
  berita: 'berita',
  layanan: 'layanan',
  halaman: 'profil',
  pengumuman: 'pengumuman',
  agenda: 'agenda',
  dokumen: 'dokumen',
  pejabat: 'pejabat',
  galeri: 'galeri',
};

/** Where an item appears on an OPD site, relative to its root: its own page, or the list page that shows it. */
export function sitePagePath(type: string, slug: string): string {
  const folder = DETAIL_ROUTES[type];
  if (folder) return `${folder}/${slug}/`;
  return type === 'indikator' ? 'kinerja/' : `${type}/`;
}

/**
 * Paths of every OPD site that are not files of its build: the edge hands them to the API, which renders them
 * always current (the PPID forms and report, the satisfaction survey). Link checks count them as present.
 */
export const EDGE_RENDERED_PATHS: readonly string[] = ['/ppid/permohonan', '/ppid/laporan', '/survei/'];

/** Whether a site path is one the edge hands to the API. */
export function isEdgeRendered(path: string): boolean {
  return EDGE_RENDERED_PATHS.some(
    (prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
}
