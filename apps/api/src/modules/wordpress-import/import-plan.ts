import { type Readable } from 'node:stream';
import { type PAGE_KINDS } from '../content/types/halaman';
import { type DocumentGuess, guessDocument, guessPageKind } from './guesses';
import { type ConvertedContent, convertWpContent } from './wp-content';
import { uploadPathOf } from './uploads-archive';
import { type WxrItem, type WxrSite } from './wxr-entry';
import { readWxr } from './wxr-reader';

/** What an item of the export becomes in Laman, with what the import works out for that type. */
export type PlannedDetail =
  | {
      kind: 'berita';
      category: string | null;
      tags: string[];
      author: string | null;
      coverSourceId: number | null;
    }
  | {
      kind: 'halaman';
      pageKind: (typeof PAGE_KINDS)[number];
      parentSourceId: number | null;
      menuOrder: number;
    }
  | { kind: 'dokumen'; document: DocumentGuess; uploadPath: string | null }
  | { kind: 'media'; alt: string; uploadPath: string | null };
export type PlannedKind = PlannedDetail['kind'];

export type PlannedItem = PlannedCommon & PlannedDetail;

interface PlannedCommon {
  sourceId: number;
  sourceType: string;
  title: string;
  /** Published items stay published; drafts, pending, private, scheduled and protected ones come in as drafts. */
  publish: boolean;
  /** When it was published on the old site (UTC), kept as the published date. */
  publishedAt: string | null;
  /** The old site's addresses of it, each to answer 301 to its new page or file. */
  oldUrls: string[];
  /** What a person should check after the import (guesses, things WordPress knew that Laman does not). */
  review: string[];
  /** What was dropped or changed in its content. */
  warnings: string[];
}

export interface SkippedItem {
  sourceId: number;
  sourceType: string;
  title: string;
  reason: string;
}

/** WordPress's own bookkeeping: never content a citizen reads. */
const NOT_CONTENT = new Set([
  'nav_menu_item',
  'revision',
  'customize_changeset',
  'custom_css',
  'oembed_cache',
  'user_request',
  'wp_block',
  'wp_template',
  'wp_template_part',
  'wp_global_styles',
  'wp_navigation',
  'wp_font_family',
  'wp_font_face',
  'acf-field',
  'acf-field-group',
  'wpcf7_contact_form',
  'elementor_library',
]);

const IMAGE = /\.(jpe?g|png|gif|webp)$/i;
const DOCUMENT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp)$/i;

/** What the export says of every attachment and every post, read in a first pass (galleries and links need it). */
export interface SourceIndex {
  site: WxrSite;
  attachments: Map<number, { url: string; alt: string; title: string }>;
  /** Authors' display names by login (`dc:creator` names the login). */
  authors: Map<string, string>;
  /** How many items the export holds (an import's progress counts against it). */
  items: number;
  /**
   * Pages by id: their title, and their place in the Profil menu — WordPress's tree read depth-first (a parent,
   * then its children by their order), since Laman's menu is one list.
   */
  pages: Map<number, { title: string; order: number }>;
}

interface PageNode {
  id: number;
  parentId: number;
  menuOrder: number;
  title: string;
}

/** Each page's place when the tree is read depth-first: parents before their children, siblings by order. */
function pageOrder(pages: PageNode[]): Map<number, { title: string; order: number }> {
  const ids = new Set(pages.map((page) => page.id));
  const children = new Map<number, PageNode[]>();
  for (const page of pages) {
    const parent = ids.has(page.parentId) && page.parentId !== page.id ? page.parentId : 0;
    children.set(parent, [...(children.get(parent) ?? []), page]);
  }
  const placed = new Map<number, { title: string; order: number }>();
  const visit = (parent: number) => {
    const siblings = (children.get(parent) ?? []).sort(
      (a, b) => a.menuOrder - b.menuOrder || a.title.localeCompare(b.title, 'id'),
    );
    for (const page of siblings) {
      if (placed.has(page.id)) continue;
      placed.set(page.id, { title: page.title, order: Math.min(placed.size, 999) });
      visit(page.id);
    }
  };
  visit(0);
  return placed;
}

/** A planned item, with a post's or page's content as converted (the import writes it; the report does not). */
export type Decision = { plan: PlannedItem; converted?: ConvertedContent } | { skip: SkippedItem };

/** The export's site and attachments: a first, light pass over it. */
export async function indexSource(input: Readable): Promise<SourceIndex> {
  const index: SourceIndex = {
    site: { title: '', baseUrl: '', wxrVersion: '' },
    attachments: new Map(),
    authors: new Map(),
    items: 0,
    pages: new Map(),
  };
  const pages: PageNode[] = [];
  for await (const entry of readWxr(input)) {
    if (entry.kind === 'site') index.site = entry.site;
    if (entry.kind === 'item' && entry.item.type === 'page' && !skipReason(entry.item))
      pages.push({
        id: entry.item.id,
        parentId: entry.item.parentId,
        menuOrder: entry.item.menuOrder,
        title: entry.item.title,
      });
    if (entry.kind === 'author') index.authors.set(entry.author.login, entry.author.displayName);
    if (entry.kind === 'item') index.items++;
    if (entry.kind === 'item' && entry.item.type === 'attachment' && entry.item.attachmentUrl)
      index.attachments.set(entry.item.id, {
        url: entry.item.attachmentUrl,
        alt: entry.item.meta['_wp_attachment_image_alt'] ?? '',
        title: entry.item.title,
      });
  }
  index.pages = pageOrder(pages);
  return index;
}

function skip(item: WxrItem, reason: string): Decision {
  return { skip: { sourceId: item.id, sourceType: item.type, title: item.title, reason } };
}

/** When it was published, as UTC ISO (`wp:post_date_gmt`; drafts have none). */
function publishedAt(item: WxrItem): string | null {
  const gmt = item.postDateGmt;
  if (!gmt || gmt.startsWith('0000')) return null;
  const at = new Date(`${gmt.replace(' ', 'T')}Z`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** Every address the old site answered for this item: its permalink, its id address, the file itself. */
function oldUrlsOf(item: WxrItem, baseUrl: string): string[] {
  const base = baseUrl.replace(/\/$/, '');
  const byId =
    item.type === 'page'
      ? `page_id=${item.id}`
      : item.type === 'attachment'
        ? `attachment_id=${item.id}`
        : `p=${item.id}`;
  const urls = [item.link, `${base}/?${byId}`, item.guid, item.attachmentUrl].filter((url) =>
    /^https?:\/\//.test(url),
  );
  return [...new Set(urls)];
}

/** Why an item is not content of the site at all, or null when it is. */
function skipReason(item: WxrItem): string | null {
  if (NOT_CONTENT.has(item.type)) return `bukan konten situs (${item.type})`;
  if (item.status === 'trash') return 'ada di tempat sampah WordPress';
  if (item.status === 'auto-draft') return 'draf otomatis WordPress yang tidak pernah disimpan';
  if (!['post', 'page', 'attachment'].includes(item.type))
    return `jenis konten "${item.type}" tidak dikenal Laman`;
  return null;
}

/** Why an item WordPress did not show to everyone comes in as a draft (a plain draft needs no saying). */
function draftReason(item: WxrItem): string | null {
  if (item.passwordProtected) return 'dilindungi kata sandi di WordPress: masuk sebagai draf';
  if (item.status === 'private') return 'privat di WordPress: masuk sebagai draf';
  if (item.status === 'future') return 'terjadwal di WordPress: masuk sebagai draf';
  return null;
}

/**
 * What one item becomes: posts → Berita, pages → Halaman, images → the media library, PDFs and office files →
 * Dokumen (with their file); WordPress's bookkeeping, trashed items and unknown kinds are skipped with the reason.
 * Nothing unpublished is ever planned as published.
 */
export function decide(item: WxrItem, index: SourceIndex): Decision {
  const reason = skipReason(item);
  if (reason) return skip(item, reason);
  const review = [draftReason(item), item.title.trim() ? null : 'tanpa judul di WordPress'].filter(
    (note): note is string => note !== null,
  );
  const base: PlanBase = {
    sourceId: item.id,
    sourceType: item.type,
    title: item.title.trim() || `(tanpa judul ${item.id})`,
    publishedAt: publishedAt(item),
    oldUrls: oldUrlsOf(item, index.site.baseUrl),
    review,
  };
  if (item.type === 'attachment') return attachmentDecision(item, base);
  const converted = convertWpContent(item.content, {
    baseUrl: index.site.baseUrl,
    attachment: (id) => index.attachments.get(id) ?? null,
  });
  const common = {
    ...base,
    publish: item.status === 'publish' && !item.passwordProtected,
    warnings: converted.warnings,
  };
  return {
    plan: item.type === 'page' ? pagePlan(item, index, common) : newsPlan(item, index, common),
    converted,
  };
}

/**
 * A page as Halaman: its kind guessed, its place in the Profil menu where WordPress's tree put it (a child right
 * after its parent), and a warning on a child page — Laman's menu has one level.
 */
function pagePlan(item: WxrItem, index: SourceIndex, common: PlannedCommon): PlannedItem {
  const parent = item.parentId ? index.pages.get(item.parentId) : undefined;
  if (parent)
    common.warnings.push(`halaman di bawah "${parent.title}" di WordPress: di menu Profil menyusul induknya`);
  return {
    ...common,
    kind: 'halaman',
    pageKind: guessPageKind(item.title, item.slug),
    parentSourceId: item.parentId || null,
    menuOrder: index.pages.get(item.id)?.order ?? Math.min(Math.max(item.menuOrder, 0), 999),
  };
}

/** A post as news: its first real category, its tags, its author's name and its cover (when the export has it). */
function newsPlan(item: WxrItem, index: SourceIndex, common: PlannedCommon): PlannedItem {
  const cover = Number(item.meta['_thumbnail_id'] ?? 0) || null;
  const coverKnown = cover !== null && index.attachments.has(cover);
  if (cover && !coverKnown)
    common.warnings.push(`Foto sampul (lampiran ${cover}) tidak ada di berkas ekspor`);
  return {
    ...common,
    kind: 'berita',
    category: item.categories.find((term) => term.slug !== 'uncategorized')?.name ?? null,
    tags: item.tags.map((term) => term.name),
    author: index.authors.get(item.creator) || item.creator || null,
    coverSourceId: coverKnown ? cover : null,
  };
}

type PlanBase = Omit<PlannedCommon, 'publish' | 'warnings'>;

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function attachmentDecision(item: WxrItem, base: PlanBase): Decision {
  const file = item.attachmentUrl.split('?')[0] ?? '';
  // Where the file sits under wp-content/uploads: WordPress's own record of it, else its address.
  const uploadPath =
    item.meta['_wp_attached_file'] || uploadPathOf(safeDecode(new URL(file, 'http://x').pathname));
  const common = { ...base, warnings: [], uploadPath };
  if (IMAGE.test(file))
    return {
      plan: { ...common, kind: 'media', publish: false, alt: item.meta['_wp_attachment_image_alt'] ?? '' },
    };
  if (DOCUMENT.test(file)) {
    const year = Number((base.publishedAt ?? '').slice(0, 4)) || new Date().getUTCFullYear();
    const document = guessDocument(item.title, year);
    // The old site served every uploaded file to anyone: the document is public here too.
    return {
      plan: {
        ...common,
        kind: 'dokumen',
        publish: true,
        document,
        review: [...base.review, ...document.review],
      },
    };
  }
  return skip(item, `jenis berkas tidak didukung (${file.split('.').pop() || 'tanpa ekstensi'})`);
}
