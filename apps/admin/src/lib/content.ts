import { sitePagePath } from '@laman/shared';
import type { Me } from './api';

/** The role the person has in an OPD (a platform admin acts as its admin), or null. */
export function roleIn(me: Me, slug: string): 'contributor' | 'editor' | 'tenant_admin' | null {
  if (me.platformRole === 'platform_admin') return 'tenant_admin';
  return me.memberships.find((membership) => membership.slug === slug)?.role ?? null;
}

export const canPublish = (role: string | null) => role === 'editor' || role === 'tenant_admin';

/** Where the OPD's public site is: LAMAN_SITES_URL with `{slug}` (default: the `pnpm start` sites server). */
export function siteUrl(slug: string): string {
  const template = process.env['LAMAN_SITES_URL'] ?? 'http://{slug}.localhost:3001';
  return template.replace('{slug}', slug).replace(/\/$/, '');
}

/** Where an item appears on the public site, relative to its root. */
export const publicPath = (type: string, slug: string) => sitePagePath(type, slug);

export const TYPE_LABELS: Record<string, string> = {
  berita: 'Berita',
  pengumuman: 'Pengumuman',
  agenda: 'Agenda',
  layanan: 'Layanan',
  halaman: 'Halaman profil',
  pejabat: 'Pejabat',
  dokumen: 'Dokumen',
  indikator: 'Indikator kinerja',
  galeri: 'Galeri',
};

export const STATE_LABELS: Record<string, string> = {
  draft: 'Draf',
  in_review: 'Menunggu review',
  published: 'Terbit',
  scheduled: 'Terjadwal',
  archived: 'Diarsipkan',
};

const WIB = new Intl.DateTimeFormat('id-ID', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});
export const waktu = (value: string | Date | null | undefined) =>
  value ? `${WIB.format(new Date(value))} WIB` : '';

/**
 * When a published item with an end (an announcement's "berlaku sampai", typed in WIB) stopped showing on the
 * site, or null while it still shows: the page then says "Berakhir …", never "Sudah tayang".
 */
export function endedAt(fields: Record<string, unknown> | undefined, now = new Date()): Date | null {
  const until = typeof fields?.['validUntil'] === 'string' ? fields['validUntil'] : null;
  if (!until) return null;
  const end = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(until) ? until : `${until}+07:00`);
  return Number.isNaN(end.getTime()) || end.getTime() > now.getTime() ? null : end;
}
