import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildGuard, checkSite } from '../site-checks.mjs';

const HOST = 'disdukcapil.bandarlampungkota.go.id';
const SITE = { siteHost: HOST, trustedHosts: ['api.laman.test'] };
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
    expect(await checkSite(root, SITE)).toEqual({
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
      page(
        '  ',
        '<a href="/layanan/hilang/#a">x</a><img src="/a.jpg"><img src="/b.jpg" alt="Loket">' +
          '<img src="/c.jpg" alt=" "><img src="/lambang-kota.svg" alt="" data-decorative>',
      ),
    );
    const checks = await checkSite(root, SITE);
    expect(checks.brokenLinks).toEqual([{ page: '/layanan/', href: '/layanan/hilang/' }]);
    expect(checks.untitled).toEqual(['/layanan/']);
    // The theme's own decorative images say so; an editor's image with an empty description does not.
    expect(checks.missingAlt).toEqual([
      { page: '/layanan/', src: '/a.jpg' },
      { page: '/layanan/', src: '/c.jpg' },
    ]);
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
    const checks = await checkSite(root, SITE);
    expect(checks.spam).toEqual([]);
    expect(checks.gamblingMentions).toEqual([
      { page: '/berita/razia/', evidence: expect.stringContaining('judi online') },
    ]);
  });

  it.each([
    [
      'a gambling link',
      '<p>Info <a href="https://gacor88.example/daftar">daftar di sini</a></p>',
      'tautan ke situs judi (gacor88.example)',
    ],
    [
      'gambling words as link text',
      '<p><a href="https://x.example">Slot gacor hari ini</a></p>',
      'istilah promosi judi online "slot gacor"',
    ],
    [
      'spam only in alt text',
      '<img src="/a.jpg" alt="s1ot g4cor">',
      'istilah promosi judi online "slot gacor"',
    ],
    [
      'spam only in a title',
      '<a href="/" title="ma\u200bxwin">Beranda</a>',
      'istilah promosi judi online "maxwin"',
    ],
    [
      'an IP address',
      '<a href="http://203.0.113.9/">unduh</a>',
      'tautan ke alamat IP (203.0.113.9), bukan nama domain',
    ],
    [
      'a shortened link',
      '<a href="https://bit.ly/x">formulir</a>',
      expect.stringContaining('tautan pemendek (bit.ly)'),
    ],
    [
      'a hidden link to an unknown domain',
      '<div style="display:none"><a href="https://promo.example/">x</a></div>',
      'tautan tersembunyi ke domain tak dikenal',
    ],
    ['hidden gambling words', '<p hidden>bandar togel terpercaya</p>', 'teks judi online tersembunyi'],
    [
      'gambling slang',
      '<p>Bocoran scatter hitam dan RTP live hari ini</p>',
      'istilah promosi judi online "scatter hitam"',
    ],
  ])('holds %s', async (_label, body, reason) => {
    await write('berita/disusupi/index.html', page('Berita', body));
    const checks = await checkSite(root, SITE);
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
    expect((await checkSite(root, SITE)).spam).toEqual([]);
  });

  it("reads the platform's own images as trusted, whatever their address looks like", async () => {
    await write(
      'galeri/index.html',
      page('Galeri', '<img src="https://api.laman.test/api/v1/public/x/media/1/t/a.jpg" alt="Loket">'),
    );
    expect((await checkSite(root, SITE)).spam).toEqual([]);
  });

  it('holds terms Diskominfotik added without a release', async () => {
    await write('berita/baru/index.html', page('Berita', '<p>Main di Hoki Jitu sekarang</p>'));
    expect((await checkSite(root, SITE)).spam).toEqual([]);
    const guard = buildGuard([{ kind: 'hold', term: 'hoki jitu' }]);
    expect((await checkSite(root, SITE, guard)).spam).toEqual([
      expect.objectContaining({ page: '/berita/baru/', reason: 'istilah promosi judi online "hoki jitu"' }),
    ]);
  });
});
