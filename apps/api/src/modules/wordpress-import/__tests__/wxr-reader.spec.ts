import { Readable } from 'node:stream';
import { wxrExport, wxrExportStream } from '../../../bench/wxr-fixture';
import { DomainError } from '../../../core/errors/domain-error';
import { type WxrEntry, type WxrItem } from '../wxr-entry';
import { readWxr, WXR_LIMITS } from '../wxr-reader';

const SITE = {
  baseUrl: 'https://disdik.bandarlampungkota.go.id',
  authors: [['humas', 'Tim Humas']] as Array<[string, string]>,
};

async function readAll(input: Readable): Promise<WxrEntry[]> {
  const entries: WxrEntry[] = [];
  for await (const entry of readWxr(input)) entries.push(entry);
  return entries;
}

/** The export in chunks of `size` bytes, so characters and tags are split across chunks. */
const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text);
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );
};

const items = (entries: WxrEntry[]) =>
  entries
    .filter((entry): entry is { kind: 'item'; item: WxrItem } => entry.kind === 'item')
    .map((e) => e.item);

async function refusal(
  input: string | Readable,
): Promise<{ status: number; constraint: string | undefined }> {
  try {
    await readAll(typeof input === 'string' ? Readable.from([input]) : input);
  } catch (error) {
    if (error instanceof DomainError)
      return { status: error.status, constraint: error.details[0]?.constraint };
    throw error;
  }
  throw new Error('the export was read');
}

describe('reading a WordPress export (WXR)', () => {
  const post = {
    id: 123,
    title: 'Peringatan Hari Pendidikan Nasional — “Bergerak Bersama” 🎓',
    slug: 'peringatan-hardiknas-2023',
    date: '2023-05-02 09:30:00',
    content: '<p>Upacara di halaman kantor.</p>',
    excerpt: 'Ringkasan upacara',
    creator: 'humas',
    categories: [['berita', 'Berita']] as Array<[string, string]>,
    tags: [['hardiknas', 'Hardiknas']] as Array<[string, string]>,
    meta: { _thumbnail_id: '456', _edit_lock: '1683000000:1', _yoast_wpseo_metadesc: 'x'.repeat(50_000) },
  };
  const page = {
    id: 7,
    type: 'page' as const,
    title: 'Visi dan Misi',
    slug: 'visi-misi',
    parent: 5,
    menuOrder: 2,
  };
  const attachment = {
    id: 456,
    type: 'attachment' as const,
    title: 'foto-upacara',
    attachmentUrl: `${SITE.baseUrl}/wp-content/uploads/2023/05/foto-upacara.jpg`,
    meta: { _wp_attached_file: '2023/05/foto-upacara.jpg', _wp_attachment_image_alt: 'Peserta upacara' },
  };

  it('reads the site, its authors and every item with the fields the import needs, across any chunking', async () => {
    const text = wxrExport(SITE, [post, page, attachment]);
    for (const size of [7, 1024, text.length]) {
      const entries = await readAll(chunked(text, size));
      expect(entries[0]).toEqual({ kind: 'author', author: { login: 'humas', displayName: 'Tim Humas' } });
      expect(entries[1]).toEqual({
        kind: 'site',
        site: { title: 'Dinas Contoh', baseUrl: SITE.baseUrl, wxrVersion: '1.2' },
      });
      const [readPost, readPage, readAttachment] = items(entries);
      expect(readPost).toMatchObject({
        id: 123,
        type: 'post',
        status: 'publish',
        title: post.title,
        slug: post.slug,
        link: `${SITE.baseUrl}/2023/05/peringatan-hardiknas-2023/`,
        guid: `${SITE.baseUrl}/?p=123`,
        postDate: '2023-05-02 09:30:00',
        postDateGmt: '2023-05-02 02:30:00',
        creator: 'humas',
        content: post.content,
        excerpt: 'Ringkasan upacara',
        categories: [{ slug: 'berita', name: 'Berita' }],
        tags: [{ slug: 'hardiknas', name: 'Hardiknas' }],
        passwordProtected: false,
      });
      // Only the meta the import reads is kept; plugin data (here 50 KB of it) is dropped while reading.
      expect(readPost!.meta).toEqual({ _thumbnail_id: '456' });
      expect(readPage).toMatchObject({ id: 7, type: 'page', parentId: 5, menuOrder: 2, slug: 'visi-misi' });
      expect(readAttachment).toMatchObject({
        type: 'attachment',
        attachmentUrl: attachment.attachmentUrl,
        meta: attachment.meta,
      });
    }
  });

  it('reads WXR 1.1 (older WordPress) the same way, and keeps no password', async () => {
    const entries = await readAll(
      Readable.from([wxrExport({ ...SITE, wxrVersion: '1.1' }, [{ ...post, password: 'rahasia' }])]),
    );
    expect(entries.find((entry) => entry.kind === 'site')).toMatchObject({ site: { wxrVersion: '1.1' } });
    const [read] = items(entries);
    expect(read).toMatchObject({ id: 123, title: post.title, passwordProtected: true });
    expect(JSON.stringify(read)).not.toContain('rahasia');
  });

  it('streams a large export item by item', async () => {
    let count = 0;
    let last = 0;
    const stream = wxrExportStream(SITE, 5000, (index) => ({
      id: index + 1,
      title: `Berita ke-${index + 1}`,
    }));
    for await (const entry of readWxr(stream)) {
      if (entry.kind !== 'item') continue;
      count++;
      last = entry.item.id;
    }
    expect({ count, last }).toEqual({ count: 5000, last: 5000 });
  });

  describe('refuses a malformed or hostile export with a clear reason (422, by field)', () => {
    const valid = wxrExport(SITE, [post]);
    const cases: Array<[string, () => string | Readable, string]> = [
      [
        'entity expansion (a billion laughs)',
        () =>
          valid
            .replace(
              '<rss',
              '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<rss',
            )
            .replace('Upacara di halaman', '&lol2;'),
        'doctype',
      ],
      [
        'an external entity',
        () =>
          valid
            .replace('<rss', '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss')
            .replace('<title>Dinas Contoh', '<title>&xxe;'),
        'doctype',
      ],
      [
        'a gigantic post',
        () => wxrExport(SITE, [{ ...post, content: 'a'.repeat(WXR_LIMITS.content + 1) }]),
        'fieldTooLarge',
      ],
      [
        'a gigantic title',
        () => wxrExport(SITE, [{ ...post, title: 'a'.repeat(WXR_LIMITS.field + 1) }]),
        'fieldTooLarge',
      ],
      [
        'a field that never ends',
        () =>
          Readable.from(
            (function* () {
              yield valid.slice(0, valid.indexOf('<![CDATA[<p>Upacara') + 9);
              for (let i = 0; i < 80; i++) yield 'b'.repeat(65_536);
            })(),
          ),
        'fieldTooLarge',
      ],
      [
        'nesting deeper than an export has',
        () => valid.replace('<description></description>', '<x>'.repeat(40) + '</x>'.repeat(40)),
        'depth',
      ],
      ['XML that is not well-formed', () => valid.replace('</channel>', ''), 'xml'],
      [
        'an undefined entity',
        () => valid.replace('<description></description>', '<description>&bogus;</description>'),
        'xml',
      ],
      [
        'an RSS feed, not an export',
        () => valid.replace(/<wp:wxr_version>.*<\/wp:wxr_version>/, ''),
        'notWxr',
      ],
      ['an HTML page', () => '<html><body>Bukan ekspor</body></html>', 'notWxr'],
      ['an empty file', () => '', 'xml'],
    ];
    it.each(cases)('%s', async (_name, make, constraint) => {
      expect(await refusal(make())).toEqual({ status: 422, constraint });
    });
  });
});
