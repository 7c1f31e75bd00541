/** A site menu entry: a path on the site or an https address, or a profile page by its slug. */
export interface MenuEntry {
  label: string;
  href?: string;
  pageSlug?: string;
}

/** The menu every OPD site shows until its admin sets one (then theirs replaces it whole). */
export const DEFAULT_MENU: readonly MenuEntry[] = [
  { label: 'Beranda', href: '/' },
  { label: 'Profil', href: '/profil/' },
  { label: 'Berita', href: '/berita/' },
  { label: 'Pengumuman', href: '/pengumuman/' },
  { label: 'Agenda', href: '/agenda/' },
  { label: 'Layanan', href: '/layanan/' },
  { label: 'Kinerja', href: '/kinerja/' },
  { label: 'PPID', href: '/ppid/' },
  { label: 'Survei', href: '/survei/' },
  { label: 'Galeri', href: '/galeri/' },
  { label: 'Kontak', href: '/kontak/' },
];
