import { readFileSync } from 'node:fs';
import { sitePagePath, TENANT_KIND_LABELS } from '@laman/shared';

/** The city portal's data, as scripts/city-snapshot.mjs assembles it from the public read API's paged city routes. */
export interface City {
  tenants: Array<{
    slug: string;
    name: string;
    shortName: string;
    kind: string;
    domain: string | null;
    lastPublishedAt: string | null;
    services: number;
  }>;
  news: Story[];
  announcements: Story[];
  services: Service[];
  /** Each OPD's completeness band, when the city publishes them (empty otherwise). */
  transparency: Array<{
    slug: string;
    name: string;
    kind: string;
    score: number;
    band: string;
    bandLabel: string;
  }>;
}

export interface Story {
  tenant: string;
  slug: string;
  title: string;
  summary: string | null;
  publishedAt: string;
}

export interface Service {
  tenant: string;
  slug: string;
  title: string;
  summary: string | null;
  sector: string | null;
  lifeEvents: string[];
  atMallPelayananPublik: boolean;
  online: boolean;
  fee: string | null;
  processingTime: string | null;
  /** This year's satisfaction survey, once someone answered (older snapshots have none). */
  survey?: {
    year: number;
    respondents: number;
    minimumRespondents: number;
    index: number;
    grade: string;
    gradeLabel: string;
  } | null;
}

let loaded: City | undefined;

/** The builder points LAMAN_CITY_FILE at the city snapshot it fetched; `astro build` alone uses the sample. */
export function loadCity(): City {
  loaded ??= JSON.parse(readFileSync(process.env['LAMAN_CITY_FILE'] ?? 'sample/city.json', 'utf8')) as City;
  return loaded;
}

/**
 * An OPD site's address: its custom domain, else LAMAN_SITES_URL with `{slug}` (the local demo serves sites at
 * `http://<slug>.localhost:<port>`), else `https://<slug>.<LAMAN_SITES_DOMAIN>`.
 */
export function siteAddress(tenant: { slug: string; domain: string | null }): string {
  if (tenant.domain) return `https://${tenant.domain}`;
  const template =
    process.env['LAMAN_SITES_URL'] ||
    `https://{slug}.${process.env['LAMAN_SITES_DOMAIN'] || 'bandarlampungkota.go.id'}`;
  return template.replace('{slug}', tenant.slug).replace(/\/$/, '');
}

/** The portal's own public address: LAMAN_PORTAL_HOST, else `portal.<LAMAN_SITES_DOMAIN>` (as the builder links it). */
export function portalUrl(): string {
  const host =
    process.env['LAMAN_PORTAL_HOST'] ||
    `portal.${process.env['LAMAN_SITES_DOMAIN'] || 'bandarlampungkota.go.id'}`;
  return `https://${host}`;
}

/** Where a story lives on its OPD's site: its own page there. */
export function storyHref(city: City, story: Story, type: 'berita' | 'pengumuman'): string {
  const site = siteAddress(tenantOf(city, story.tenant));
  return `${site}/${sitePagePath(type, story.slug)}`;
}

/** Every page of the portal, for its sitemap. */
export function portalPaths(city: City): string[] {
  return [
    '/',
    '/berita/',
    '/layanan/',
    '/opd/',
    '/ppid/',
    ...(city.transparency.length ? ['/keterbukaan/'] : []),
  ];
}

export function tenantOf(city: City, slug: string): City['tenants'][number] {
  const tenant = city.tenants.find((candidate) => candidate.slug === slug);
  if (!tenant) throw new Error(`city snapshot: no OPD ${slug}`);
  return tenant;
}

export const kindLabel = (kind: string): string => TENANT_KIND_LABELS[kind] ?? kind;

const DATE = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Asia/Jakarta',
});
export const longDate = (iso: string): string => DATE.format(new Date(iso));

/** Days since an OPD last published, from the build's clock (the portal is rebuilt whenever any OPD publishes). */
export function daysSince(iso: string | null, now = Date.now()): number | null {
  return iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000)) : null;
}

/** A stable anchor for a heading, so city-wide search can point into a page. */
export const anchor = (...parts: string[]): string =>
  parts
    .join('-')
    .replace(/[^a-z0-9-]+/gi, '-')
    .toLowerCase();
