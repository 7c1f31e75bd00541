import { type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { type WxrEntry, type WxrItem, type WxrSite } from './wxr-entry';

/** How much text one field may hold: a post's body, and anything else. Past it the export is refused. */
export const WXR_LIMITS = { content: 4_000_000, field: 20_000, depth: 32, entries: 250_000 } as const;

/** The post meta the import reads; the rest (serialised plugin data, often large) is dropped as it is read. */
const KEPT_META = new Set(['_thumbnail_id', '_wp_attachment_image_alt', '_wp_attached_file']);
const LONG_FIELDS = new Set(['content:encoded', 'excerpt:encoded']);

/** Namespaces by what they are, whichever prefix and WXR version (1.0–1.2) the export used. */
function prefixOf(uri: string): string {
  if (/^http:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/.test(uri)) return 'excerpt:';
  if (/^http:\/\/wordpress\.org\/export\/\d+\.\d+\/$/.test(uri)) return 'wp:';
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content:';
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc:';
  return uri ? '?:' : '';
}

function refused(reason: string, constraint: string): DomainError {
  return new DomainError('UNPROCESSABLE_FILE', `Berkas ekspor WordPress tidak dapat dibaca: ${reason}`, [
    fieldError('file', constraint, reason),
  ]);
}

const emptyItem = (): WxrItem => ({
  id: 0,
  type: '',
  status: '',
  title: '',
  slug: '',
  link: '',
  guid: '',
  postDate: '',
  postDateGmt: '',
  creator: '',
  content: '',
  excerpt: '',
  parentId: 0,
  menuOrder: 0,
  passwordProtected: false,
  attachmentUrl: '',
  categories: [],
  tags: [],
  meta: {},
});

/**
 * Reads a WordPress export (WXR) as a stream, entry by entry, never holding more than one item: a multi-megabyte
 * export costs the memory of its largest post. Hostile files are refused with a clear reason before anything is
 * written: any DOCTYPE (WordPress never writes one; entity expansion and external entities live there), nesting
 * deeper than an export has, fields larger than `WXR_LIMITS`, and anything that is not well-formed XML.
 */
export async function* readWxr(input: Readable): AsyncGenerator<WxrEntry> {
  const reader = new WxrReader();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input) {
    reader.write(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    yield* reader.take();
  }
  reader.write(decoder.end());
  reader.close();
  yield* reader.take();
}

class WxrReader {
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly path: string[] = [];
  private readonly ready: WxrEntry[] = [];
  private readonly site: WxrSite = { title: '', baseUrl: '', wxrVersion: '' };
  private siteSent = false;
  private item: WxrItem | null = null;
  private author: { login: string; displayName: string } | null = null;
  private meta: { key: string; value: string } | null = null;
  private term: { domain: string; slug: string } | null = null;
  private text: string[] | null = null;
  private textLength = 0;
  private sinceEvent = 0;
  private entries = 0;
  private failure: DomainError | null = null;

  constructor() {
    this.parser.on('doctype', () =>
      this.fail(refused('berkas memuat DOCTYPE (tidak pernah ada di ekspor WordPress)', 'doctype')),
    );
    this.parser.on('error', (error) =>
      this.fail(refused(`XML tidak sah (${error.message.split('\n')[0]})`, 'xml')),
    );
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', () => this.closeTag());
    this.parser.on('text', (text) => this.collect(text));
    this.parser.on('cdata', (text) => this.collect(text));
  }

  write(chunk: string): void {
    if (!chunk) return;
    this.sinceEvent += chunk.length;
    this.parser.write(chunk);
    this.check();
    // The parser holds a text node whole until it ends: a field that never ends is refused by its size here.
    if (this.sinceEvent > WXR_LIMITS.content + 65_536)
      throw refused('ada isian yang terlalu besar', 'fieldTooLarge');
  }

  close(): void {
    this.parser.close();
    this.check();
    if (!this.site.wxrVersion) throw refused('bukan berkas ekspor WordPress (WXR)', 'notWxr');
    this.sendSite();
  }

  /** The entries read so far, once each. */
  take(): WxrEntry[] {
    return this.ready.splice(0);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private fail(error: DomainError): void {
    this.failure ??= error;
  }

  private open(tag: SaxesTagNS): void {
    this.sinceEvent = 0;
    const name = prefixOf(tag.uri) + tag.local;
    this.path.push(name);
    if (this.path.length > WXR_LIMITS.depth) return this.fail(refused('susunan XML terlalu dalam', 'depth'));
    if (this.path.length === 1 && name !== 'rss')
      return this.fail(refused('bukan berkas ekspor WordPress (WXR)', 'notWxr'));
    const parent = this.path[this.path.length - 2];
    if (parent === 'channel' && name === 'item') {
      if (!this.site.wxrVersion) return this.fail(refused('bukan berkas ekspor WordPress (WXR)', 'notWxr'));
      this.sendSite();
      this.item = emptyItem();
    } else if (parent === 'channel' && name === 'wp:author') this.author = { login: '', displayName: '' };
    else if (this.item && parent === 'item' && name === 'category')
      this.term = {
        domain: tag.attributes['domain']?.value ?? '',
        slug: tag.attributes['nicename']?.value ?? '',
      };
    else if (this.item && parent === 'item' && name === 'wp:postmeta') this.meta = { key: '', value: '' };
    if (this.captures()) {
      this.text = [];
      this.textLength = 0;
    }
  }

  /** Whether the element just opened is a field the import reads. */
  private captures(): boolean {
    const depth = this.path.length;
    const parent = this.path[depth - 2];
    if (parent === 'channel')
      return ['title', 'link', 'wp:base_site_url', 'wp:wxr_version'].includes(this.path[depth - 1]!);
    return parent === 'item' || parent === 'wp:author' || parent === 'wp:postmeta';
  }

  private collect(text: string): void {
    this.sinceEvent = 0;
    if (!this.text) return;
    this.textLength += text.length;
    const name = this.path[this.path.length - 1]!;
    const limit = LONG_FIELDS.has(name) ? WXR_LIMITS.content : WXR_LIMITS.field;
    const metaValue = name === 'wp:meta_value' && this.meta && !KEPT_META.has(this.meta.key);
    if (this.textLength > limit && !metaValue)
      return this.fail(refused(`isian ${name} terlalu besar`, 'fieldTooLarge'));
    if (!metaValue) this.text.push(text);
  }

  private closeTag(): void {
    this.sinceEvent = 0;
    const name = this.path.pop()!;
    const parent = this.path[this.path.length - 1];
    const value = this.text?.join('').trim() ?? '';
    this.text = null;
    if (parent === 'channel') this.channelField(name, value);
    else if (parent === 'item' && this.item) this.itemField(name, value);
    else if (parent === 'wp:author' && this.author) {
      if (name === 'wp:author_login') this.author.login = value;
      if (name === 'wp:author_display_name') this.author.displayName = value;
    } else if (parent === 'wp:postmeta' && this.meta) {
      if (name === 'wp:meta_key') this.meta.key = value;
      if (name === 'wp:meta_value') this.meta.value = value;
    }
  }

  private channelField(name: string, value: string): void {
    if (name === 'item' && this.item) {
      this.push({ kind: 'item', item: this.item });
      this.item = null;
    } else if (name === 'wp:author' && this.author) {
      this.push({ kind: 'author', author: this.author });
      this.author = null;
    } else if (name === 'title') this.site.title = value;
    else if (name === 'link') this.site.baseUrl ||= value;
    else if (name === 'wp:base_site_url') this.site.baseUrl = value;
    else if (name === 'wp:wxr_version') this.site.wxrVersion = value;
  }

  private itemField(name: string, value: string): void {
    const item = this.item!;
    switch (name) {
      case 'title':
        item.title = value;
        break;
      case 'link':
        item.link = value;
        break;
      case 'guid':
        item.guid = value;
        break;
      case 'dc:creator':
        item.creator = value;
        break;
      case 'content:encoded':
        item.content = value;
        break;
      case 'excerpt:encoded':
        item.excerpt = value;
        break;
      case 'wp:post_id':
        item.id = Number(value) || 0;
        break;
      case 'wp:post_date':
        item.postDate = value;
        break;
      case 'wp:post_date_gmt':
        item.postDateGmt = value;
        break;
      case 'wp:post_name':
        item.slug = value;
        break;
      case 'wp:status':
        item.status = value;
        break;
      case 'wp:post_parent':
        item.parentId = Number(value) || 0;
        break;
      case 'wp:menu_order':
        item.menuOrder = Number(value) || 0;
        break;
      case 'wp:post_type':
        item.type = value;
        break;
      case 'wp:post_password':
        item.passwordProtected = value !== '';
        break;
      case 'wp:attachment_url':
        item.attachmentUrl = value;
        break;
      case 'category':
        this.itemTerm(item, value);
        break;
      case 'wp:postmeta':
        if (this.meta && KEPT_META.has(this.meta.key)) item.meta[this.meta.key] = this.meta.value;
        this.meta = null;
        break;
    }
  }

  private itemTerm(item: WxrItem, name: string): void {
    const term = this.term;
    this.term = null;
    if (!term) return;
    if (term.domain === 'category') item.categories.push({ name, slug: term.slug });
    else if (term.domain === 'post_tag') item.tags.push({ name, slug: term.slug });
  }

  private sendSite(): void {
    if (this.siteSent) return;
    this.siteSent = true;
    this.push({ kind: 'site', site: { ...this.site } });
  }

  private push(entry: WxrEntry): void {
    if (++this.entries > WXR_LIMITS.entries)
      return this.fail(refused('terlalu banyak entri dalam satu berkas', 'tooManyEntries'));
    this.ready.push(entry);
  }
}
