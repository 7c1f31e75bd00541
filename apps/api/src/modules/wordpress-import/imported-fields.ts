import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type FieldError } from '../../core/errors/domain-error';
import { toFieldErrors } from '../../core/errors/validation-messages';
import { richTextFromHtml } from '../content/rich-text/rich-text';
import { type ContentTypeName } from '../content/types/content-type';
import { contentType } from '../content/types/registry';
import { CONTENT_SLUG } from '../content/types/shared-fields';
import { type PlannedItem } from './import-plan';
import { oldPathKey } from './old-paths';
import { uploadPathOf } from './uploads-archive';
import { type ConvertedContent } from './wp-content';

/** A file of the old site that is in the OPD's library now. */
export interface LibraryFile {
  mediaId: string;
  /** Its plain library address, as the editor puts a photo into rich text. */
  url: string;
}

/**
 * The old site's files in the library, by WordPress attachment id (covers) and by upload path without the size
 * WordPress added to a resized copy (inline images name `foto-1024x768.jpg` for the upload `foto.jpg`).
 */
export interface ImportedLibrary {
  byAttachment: Map<number, LibraryFile>;
  byUploadPath: Map<string, LibraryFile>;
  /** The old site's host: links to it are links between imported items. */
  oldHost: string;
  /** The OPD's public site (`https://…`), where imported items' pages are. */
  siteUrl: string;
  /** Published imported items' new addresses (absolute, on the OPD's site) by their old addresses (`oldPathKey`). */
  pages: Map<string, string>;
}

const TITLE_MAX = 200;
const SUMMARY_MAX = 400;

/** The upload path of an address, without WordPress's resized-copy suffix (`-1024x768`, `-scaled`). */
export function originalUploadPath(address: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(address).pathname);
  } catch {
    return null;
  }
  if (!path.includes('/uploads/')) return null;
  return uploadPathOf(path)?.replace(/-(\d+x\d+|scaled)(?=\.\w+$)/i, '') ?? null;
}

/**
 * Inline images pointed at the library's copies; an image the library lacks (not in the export, or not in the
 * uploads archive) is left out — rich text may show the OPD's own photos only — with a warning.
 */
export function withLibraryImages(html: string, library: ImportedLibrary, warnings: string[]): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = /\ssrc\s*=\s*(["'])([^"']+)\1/i.exec(tag)?.[2] ?? '';
    const path = originalUploadPath(src);
    const file = path ? library.byUploadPath.get(path) : undefined;
    if (file) return tag.replace(/\ssrc\s*=\s*(["'])[^"']+\1/i, ` src="${file.url}"`);
    warnings.push(`Gambar ${src || '(tanpa alamat)'} tidak ada di pustaka media: dilewati`);
    return '';
  });
}

/**
 * Links to the old site pointed at what they meant now: an imported, published item's page, or an upload's
 * library copy. Other links to the old site stay as they were — its host usually becomes the OPD's Laman site,
 * which answers an imported item's old address with a 301 (items later in the export), and anything else as
 * any missing page.
 */
export function withSiteLinks(html: string, library: ImportedLibrary): string {
  return html.replace(
    /(<a\b[^>]*\shref\s*=\s*)(["'])([^"']+)\2/gi,
    (whole, start: string, quote: string, href: string) => {
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        return whole;
      }
      if (url.host !== library.oldHost) return whole;
      const key = oldPathKey(href);
      const page = key ? library.pages.get(key) : undefined;
      const upload = originalUploadPath(href);
      const target = page ?? (upload ? library.byUploadPath.get(upload)?.url : undefined);
      return target ? `${start}${quote}${target}${quote}` : whole;
    },
  );
}

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function clipped(text: string, max: number, review: string[], what: string): string {
  if (text.length <= max) return text;
  review.push(`${what} dipotong menjadi ${max} karakter`);
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The old slug, when Laman's addresses can carry it (WordPress also allows percent-encoded letters). */
export function keptSlug(slug: string): { slug?: string } {
  return CONTENT_SLUG.test(slug) ? { slug } : {};
}

/** A post or page's Laman fields. `review` gathers what a person should look at. */
export function contentFields(
  plan: Extract<PlannedItem, { kind: 'berita' | 'halaman' }>,
  source: { converted: ConvertedContent; excerpt: string; slug: string },
  library: ImportedLibrary,
  review: string[],
): Record<string, unknown> {
  const warnings: string[] = [];
  const body = richTextFromHtml(
    withSiteLinks(withLibraryImages(source.converted.html, library, warnings), library),
  );
  review.push(...warnings);
  const title = clipped(plan.title, TITLE_MAX, review, 'Judul');
  const slug = keptSlug(source.slug);
  if (plan.kind === 'halaman')
    return {
      title,
      ...slug,
      kind: plan.pageKind,
      body,
      menuOrder: Math.min(999, Math.max(0, plan.menuOrder)),
    };
  const cover = plan.coverSourceId ? library.byAttachment.get(plan.coverSourceId) : undefined;
  const summary = plainText(source.excerpt);
  return {
    title,
    ...slug,
    body,
    ...(summary ? { summary: clipped(summary, SUMMARY_MAX, review, 'Ringkasan') } : {}),
    ...(plan.category ? { category: plan.category.slice(0, 60) } : {}),
    ...(plan.tags.length ? { tags: plan.tags.slice(0, 10).map((tag) => tag.slice(0, 40)) } : {}),
    ...(plan.author ? { author: plan.author.slice(0, 120) } : {}),
    ...(cover ? { cover: { mediaId: cover.mediaId } } : {}),
  };
}

/** A document's Laman fields, with its file from the library. */
export function documentFields(
  plan: Extract<PlannedItem, { kind: 'dokumen' }>,
  file: LibraryFile,
  review: string[],
): Record<string, unknown> {
  const { category, informationClass, year, yearTo } = plan.document;
  return {
    title: clipped(plan.title, TITLE_MAX, review, 'Judul'),
    category,
    informationClass,
    year,
    ...(yearTo ? { yearTo } : {}),
    files: [{ mediaId: file.mediaId }],
  };
}

/** The reasons fields would be refused by the type's form (the same rules as the editor's request). */
export async function fieldProblems(
  type: ContentTypeName,
  fields: Record<string, unknown>,
): Promise<FieldError[]> {
  const instance = plainToInstance(contentType(type).fields, fields) as object;
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  return toFieldErrors(errors, 'fields');
}
