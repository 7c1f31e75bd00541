import { compileLexicon, DEFAULT_LEXICON, scanUrl, withAdditions } from '../index.js';

const guard = compileLexicon(DEFAULT_LEXICON);
const context = { siteHost: 'dinkes.bandarlampungkota.go.id', trustedHosts: ['api.laman.test'] };
const kinds = (href: string, g = guard) => scanUrl(g, href, context).map((found) => found.kind);

describe('reading link addresses', () => {
  it('trusts the site, government domains and the platform', () => {
    expect(kinds('https://dinkes.bandarlampungkota.go.id/berita/')).toEqual([]);
    expect(kinds('https://www.lapor.go.id/')).toEqual([]);
    expect(kinds('https://api.laman.test/api/v1/public/dinkes/media/x')).toEqual([]);
  });

  it('ignores relative links and other schemes', () => {
    expect(kinds('/berita/slot-waktu/')).toEqual([]);
    expect(kinds('mailto:humas@bandarlampungkota.go.id')).toEqual([]);
  });

  it('refuses imitations of the site name even under go.id', () => {
    expect(kinds('https://dinkes.bandarIampungkota.go.id/')).toEqual(['look-alike']);
  });

  it('reads shorteners Diskominfotik adds at run time', () => {
    expect(kinds('https://pendek.example/abc')).toEqual([]);
    const added = compileLexicon(
      withAdditions(DEFAULT_LEXICON, [{ kind: 'shorteners', term: 'Pendek.example' }]),
    );
    expect(kinds('https://pendek.example/abc', added)).toEqual(['shortener']);
  });

  it('holds terms Diskominfotik adds at run time, read the same way', () => {
    const added = compileLexicon(withAdditions(DEFAULT_LEXICON, [{ kind: 'hold', term: 'hoki jitu' }]));
    expect(kinds('https://contoh.com/h0ki-j1tu', added)).toEqual(['promo']);
    expect(kinds('https://contoh.com/h0ki-j1tu')).toEqual([]);
  });
});

describe('the platform on an IP address (development, tests)', () => {
  it('trusts its own address but no other', () => {
    const local = { siteHost: 'dinkes.bandarlampungkota.go.id', trustedHosts: ['127.0.0.1'] };
    expect(scanUrl(guard, 'http://127.0.0.1:3000/api/v1/public/dinkes/media/x.jpg', local)).toEqual([]);
    expect(scanUrl(guard, 'http://127.0.0.2/promo', local).map((found) => found.kind)).toEqual([
      'ip-address',
    ]);
  });
});
