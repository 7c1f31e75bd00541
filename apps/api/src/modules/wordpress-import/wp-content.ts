import { replaceShortcodes, type Shortcode } from './shortcodes';

/** What the content of one post refers to, for the import to carry over. */
export interface ConvertedContent {
  /** HTML for the editor's sanitiser and schema (`richTextFromHtml`); addresses still the old site's. */
  html: string;
  /** Every image address, absolute (inline images, gallery and caption images). */
  images: string[];
  /** Every link address, absolute. */
  links: string[];
  /** What was dropped or changed on the way, in Bahasa Indonesia, for the import report. */
  warnings: string[];
}

export interface ContentContext {
  /** The old site's address, for addresses written relative to it. */
  baseUrl: string;
  /** An attachment of the export by its WordPress id (galleries name images by id). */
  attachment(id: number): { url: string; alt: string } | null;
}

const BLOCK_TAG =
  /^<\/?(p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|figure|pre|hr|iframe|section)\b/i;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A YouTube video's id from any of the addresses WordPress embedded it by. */
export function youtubeId(url: string): string | null {
  const match =
    /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([\w-]{11})/i.exec(
      url.trim(),
    );
  return match?.[1] ?? null;
}

const youtube = (id: string) =>
  `<div data-youtube-video><iframe src="https://www.youtube-nocookie.com/embed/${id}"></iframe></div>`;

/**
 * WordPress's `wpautop`, as far as imported posts need it: classic-editor posts separate paragraphs by a blank
 * line and lines by a line break; chunks that already start with a block element are left alone.
 */
export function autop(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_TAG.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

function renderShortcode(shortcode: Shortcode, context: ContentContext, warnings: string[]): string {
  const { name, attributes, inner } = shortcode;
  if (name === 'caption' || name === 'wp_caption') return caption(inner ?? '', attributes['caption']);
  if (name === 'gallery') return gallery(attributes['ids'] ?? '', context, warnings);
  if (name === 'embed' || name === 'video') {
    const url = (inner ?? attributes['src'] ?? attributes['mp4'] ?? '').trim();
    const id = youtubeId(url);
    if (id) return youtube(id);
    if (/^https?:\/\//.test(url)) return `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
  }
  if (inner !== null) return inner;
  warnings.push(`Kode pendek [${name}] dibuang (tidak ada padanannya di Laman)`);
  return '';
}

/** `[caption]<img …> Text[/caption]`: the image (its caption as alt text when it had none), the caption below. */
function caption(inner: string, attribute: string | undefined): string {
  const image = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner);
  const text = (attribute ?? inner.replace(image?.[0] ?? '', '')).trim();
  if (!image) return text ? `<p>${text}</p>` : '';
  let tag = image[0];
  const plain = text.replace(/<[^>]*>/g, '').trim();
  if (plain && !/\balt\s*=\s*"[^"]+"/i.test(tag))
    tag = tag.replace(/\salt\s*=\s*"[^"]*"/i, '').replace(/<img\b/i, `<img alt="${escapeHtml(plain)}"`);
  return text ? `\n\n${tag}\n\n<p><em>${text}</em></p>\n\n` : `\n\n${tag}\n\n`;
}

function gallery(ids: string, context: ContentContext, warnings: string[]): string {
  const images = ids
    .split(',')
    .map((id) => Number(id.trim()))
    .filter((id) => Number.isInteger(id) && id > 0)
    .map((id) => {
      const found = context.attachment(id);
      if (!found) warnings.push(`Galeri menyebut lampiran ${id} yang tidak ada di berkas ekspor`);
      return found;
    })
    .filter((found) => found !== null);
  return images
    .map(({ url, alt }) => `\n\n<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}">\n\n`)
    .join('');
}

/** Addresses written relative to the old site made absolute (the sanitiser keeps absolute ones only). */
function absolute(html: string, baseUrl: string): string {
  return html.replace(
    /\b(src|href)\s*=\s*(["'])(\/(?!\/)[^"']*)\2/gi,
    (_whole, attribute: string, quote: string, path: string) =>
      `${attribute}=${quote}${baseUrl.replace(/\/$/, '')}${path}${quote}`,
  );
}

const addresses = (html: string, tag: 'img' | 'a', attribute: 'src' | 'href') =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${attribute}\\s*=\\s*(["'])(https?:[^"']+)\\1`, 'gi'))].map(
    (match) => match[2]!,
  );

/**
 * A post's content as WordPress stored it — classic editor text, block editor markup, shortcodes, captions and
 * galleries — turned into plain HTML the editor's sanitiser and schema can take: block comments go (the blocks'
 * saved HTML stays), figure captions become a line under the image, YouTube addresses and embeds become the
 * editor's video, shortcodes without a counterpart go with a warning and enclosing ones keep their content.
 */
export function convertWpContent(content: string, context: ContentContext): ConvertedContent {
  const warnings: string[] = [];
  const blocks = /<!--\s*wp:/.test(content);
  let html = content.replace(/<!--[\s\S]*?-->/g, '');
  html = replaceShortcodes(html, (shortcode) => renderShortcode(shortcode, context, warnings));
  // A YouTube address alone on its line is an embed in WordPress (oEmbed).
  html = html.replace(/^\s*(https?:\/\/\S+)\s*$/gm, (line, url: string) => {
    const id = youtubeId(url);
    return id ? youtube(id) : line;
  });
  html = html.replace(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/gi, '<p><em>$1</em></p>');
  if (!blocks) html = autop(html);
  html = absolute(html, context.baseUrl);
  return { html, images: addresses(html, 'img', 'src'), links: addresses(html, 'a', 'href'), warnings };
}
