import { readFileSync } from 'node:fs';

/** What the public read API (`/api/v1/public/:tenant/snapshot`) returns: everything a site shows. */
export interface Snapshot {
  tenant: {
    slug: string;
    name: string;
    shortName: string;
    kind: string;
    domain: string | null;
    lastPublishedAt: string | null;
  };
  contentVersion: number;
  settings: SiteSettings;
  profilePages: Array<{ slug: string; title: string; kind: string }>;
  items: Item[];
}

export interface SiteSettings {
  tagline?: string;
  contact?: {
    address?: string;
    phone?: string;
    whatsapp?: string;
    email?: string;
    openingHours?: string;
    latitude?: number;
    longitude?: number;
  };
  brandColor?: string;
  logo?: MediaView;
  /** The home page's wide photo (the office, a service counter, an event). */
  hero?: MediaView;
  menu?: Array<{ label: string; href?: string; pageSlug?: string }>;
  footerText?: string;
  complaintLinks?: Array<{ label: string; url: string }>;
  social?: Record<string, string>;
}

export interface MediaView {
  url: string;
  alt: string | null;
  caption?: string | null;
  width: number | null;
  height: number | null;
  srcset: { avif: string; webp: string; jpeg: string } | null;
  kind: string;
  fileName?: string;
  sizeBytes?: number;
  mimeType?: string;
}

export interface Item {
  type: string;
  slug: string;
  title: string;
  summary: string | null;
  category: string | null;
  tags: string[];
  year: number | null;
  startsAt: string | null;
  endsAt: string | null;
  validFrom: string | null;
  validUntil: string | null;
  urgent: boolean;
  headline: boolean;
  publishedAt: string;
  updatedAt: string;
  /** MD5 of fields.bodyHtml: a snapshot read without bodies still tells a changed body apart. */
  bodyDigest?: string | null;
  fields: Record<string, unknown>;
}

/**
 * Read at call time (not import time), so one builder process can render several tenants in a row.
 * astro.config.mjs defaults LAMAN_SNAPSHOT_FILE to the sample snapshot.
 */
export function loadSnapshot(): Snapshot {
  const file = process.env['LAMAN_SNAPSHOT_FILE'];
  if (!file) throw new Error('LAMAN_SNAPSHOT_FILE is not set');
  // Every page calls this: parse each snapshot once (a 5,000-item snapshot is 25 MB of JSON). The builder
  // writes each build's snapshot to a new file, so the file name identifies it.
  // The builder has parsed it already and hands it over (see page-renderer.mjs): no second parse.
  const handed = (globalThis as { lamanSnapshot?: { file: string; snapshot: Snapshot } }).lamanSnapshot;
  if (handed?.file === file) return handed.snapshot;
  if (cached?.file !== file) cached = { file, snapshot: JSON.parse(readFileSync(file, 'utf8')) as Snapshot };
  return cached.snapshot;
}

let cached: { file: string; snapshot: Snapshot } | null = null;

/**
 * The item a page of its own shows, by the slug in its address: the same lookup whether Astro renders the page
 * from getStaticPaths (a static build) or on request (the builder's render service). Undefined: no such page.
 */
export function itemAt(type: string, slug: string | undefined): Item | undefined {
  const snapshot = loadSnapshot();
  let bySlug = itemIndex.get(snapshot);
  if (!bySlug) {
    bySlug = new Map(snapshot.items.map((item) => [`${item.type}/${item.slug}`, item]));
    itemIndex.set(snapshot, bySlug);
  }
  return bySlug.get(`${type}/${slug}`);
}

const itemIndex = new WeakMap<Snapshot, Map<string, Item>>();

export function itemsOf(snapshot: Snapshot, type: string): Item[] {
  return snapshot.items.filter((item) => item.type === type);
}

const DATE = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
const DATE_TIME = new Intl.DateTimeFormat('id-ID', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});

export function tanggal(value: string | null | undefined): string {
  return value ? DATE.format(new Date(value)) : '';
}

export function tanggalWaktu(value: string | null | undefined): string {
  return value ? `${DATE_TIME.format(new Date(value))} WIB` : '';
}
