import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSite } from '../site-checks.mjs';

const HOST = 'disdukcapil.bandarlampungkota.go.id';
const page = (title, body) =>
  `<!doctype html><html lang="id"><head><title>${title}</title></head><body><main>${body}</main></body></html>`;

describe('per-build site checks', () => {
  let root;
  const write = async (file, html) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), html);
  };
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-checks-'));
    await write('index.html', page('Beranda', '<a href="/berita/">Berita</a> <a href="/rss.xml">RSS</a>'));
    await write('rss.xml', '<rss/>');
    await write(
      'berita/index.html',
      page('Berita', '<a href="/">Beranda</a> <a href="https://www.lapor.go.id">LAPOR</a>'),
    );
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('passes a clean site', async () => {
    expect(await checkSite(root, HOST)).toEqual({
      pages: 2,
      brokenLinks: [],
      untitled: [],
      missingAlt: [],
      spam: [],
      gamblingMentions: [],
    });
  });

  it('finds broken internal links, pages without a title and images without alt text', async () => {
    await write(
      'layanan/index.html',
      page('  ', '<a href="/layanan/hilang/#a">x</a><img src="/a.jpg"><img src="/b.jpg" alt="Loket">'),
    );
    const checks = await checkSite(root, HOST);
    expect(checks.brokenLinks).toEqual([{ page: '/layanan/', href: '/layanan/hilang/' }]);
    expect(checks.untitled).toEqual(['/layanan/']);
    expect(checks.missingAlt).toEqual([{ page: '/layanan/', src: '/a.jpg' }]);
    expect(checks.spam).toEqual([]);
  });

  it('notes, but does not hold, news about fighting online gambling', async () => {
    await write(
      'berita/razia/index.html',
      page(
        'Razia',
        '<p>Diskominfotik memblokir 300 situs judi online dan togel. Laporkan judol ke <a href="https://aduankonten.kominfo.go.id/judi-online">aduan konten</a>.</p>',
      ),
    );
    const checks = await checkSite(root, HOST);
    expect(checks.spam).toEqual([]);
    expect(checks.gamblingMentions).toEqual([
      { page: '/berita/razia/', evidence: expect.stringContaining('judi online') },
    ]);
  });

  it.each([
    [
      'a gambling link',
      '<p>Info <a href="https://gacor88.example/daftar">daftar di sini</a></p>',
      'tautan judi online',
    ],
    [
      'gambling words as link text',
      '<p><a href="https://x.example">Slot gacor hari ini</a></p>',
      'tautan judi online',
    ],
    [
      'a hidden link to an unknown domain',
      '<div style="display:none"><a href="https://promo.example/">x</a></div>',
      'tautan tersembunyi ke domain tak dikenal',
    ],
    ['hidden gambling words', '<p hidden>bandar togel terpercaya</p>', 'teks judi online tersembunyi'],
    ['gambling slang', '<p>Bocoran scatter hitam dan RTP live hari ini</p>', 'istilah promosi judi online'],
  ])('holds %s', async (_label, body, reason) => {
    await write('berita/disusupi/index.html', page('Berita', body));
    const checks = await checkSite(root, HOST);
    expect(checks.spam).toEqual(
      expect.arrayContaining([expect.objectContaining({ page: '/berita/disusupi/', reason })]),
    );
  });

  it('does not flag hidden links to the site itself or to government domains', async () => {
    await write(
      'kontak/index.html',
      page(
        'Kontak',
        `<div hidden><a href="https://${HOST}/">x</a><a href="https://bandarlampungkota.go.id/">y</a></div>`,
      ),
    );
    expect((await checkSite(root, HOST)).spam).toEqual([]);
  });
});
