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

/** Plain text from a phone's text box as a rich-text document: blank lines separate paragraphs. */
export function textToDocument(text: string): object {
  const paragraphs = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph
        .split('\n')
        .flatMap((line, index) => [
          ...(index > 0 ? [{ type: 'hardBreak' }] : []),
          { type: 'text', text: line },
        ]),
    })),
  };
}

/** The rich-text document back as plain text for the text box (paragraphs separated by a blank line). */
export function documentToText(document: unknown): string {
  type Node = { type?: string; text?: string; content?: Node[] };
  const textOf = (node: Node): string =>
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'hardBreak'
        ? '\n'
        : (node.content ?? []).map(textOf).join('');
  const blocks = ((document as Node | null)?.content ?? []).map(textOf);
  return blocks.filter((block) => block.trim()).join('\n\n');
}

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
