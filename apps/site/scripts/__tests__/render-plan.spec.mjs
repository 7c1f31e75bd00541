import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { itemKey, pageKeys, planRender, themeVersion } from '../render-plan.mjs';
import { DETAIL_ROUTES, NEWS_ARCHIVE } from '@laman/shared';

const item = (type, slug, title) => ({ type, slug, title, fields: {}, updatedAt: '2026-11-28T00:00:00Z' });
const snapshot = (items, tagline = 'Melayani') => ({
  tenant: { slug: 'disdukcapil', name: 'Dinas', lastPublishedAt: new Date().toISOString() },
  settings: { tagline },
  profilePages: [],
  items,
});
const base = [
  item('berita', 'a', 'A'),
  item('berita', 'b', 'B'),
  item('layanan', 'kk', 'KK'),
  item('agenda', 'rapat', 'Rapat'),
];

describe('which pages a build renders', () => {
  it('keys an item by its body digest, so a snapshot without bodies keys it as the whole one does', () => {
    const whole = { ...item('berita', 'a', 'A'), bodyDigest: 'd1', fields: { bodyHtml: '<p>Isi</p>', x: 1 } };
    const outline = { ...item('berita', 'a', 'A'), bodyDigest: 'd1', fields: { x: 1 } };
    expect(itemKey(whole)).toBe(itemKey(outline));
    expect(itemKey({ ...outline, bodyDigest: 'd2' })).not.toBe(itemKey(outline));
    expect(itemKey({ ...outline, fields: { x: 2 } })).not.toBe(itemKey(outline));
  });

  it('renders everything without a previous build', () => {
    expect(planRender(null, pageKeys(snapshot(base), 'theme-1', 'kota.go.id'))).toEqual({
      render: null,
      reuse: [],
    });
  });

  it('renders only new and changed detail pages, and reuses the rest', () => {
    const previous = pageKeys(snapshot(base), 'theme-1', 'kota.go.id');
    const next = [
      item('berita', 'a', 'A (diperbaiki)'),
      item('berita', 'b', 'B'),
      item('berita', 'c', 'C'),
      item('layanan', 'kk', 'KK'),
    ];
    expect(planRender(previous, pageKeys(snapshot(next), 'theme-1', 'kota.go.id'))).toEqual({
      // Every type with pages of its own has an entry; only news changed here.
      render: {
        ...Object.fromEntries([...Object.keys(DETAIL_ROUTES), NEWS_ARCHIVE].map((kind) => [kind, []])),
        berita: ['a', 'c'],
      },
      reuse: ['/berita/b/', '/layanan/kk/'],
    });
  });

  it('ignores the last-publish time (shown on the home page only) but not anything else every page shows', () => {
    const previous = pageKeys(snapshot(base), 'theme-1', 'kota.go.id');
    const later = {
      ...snapshot(base),
      tenant: { ...snapshot(base).tenant, lastPublishedAt: '2027-01-01T00:00:00Z' },
    };
    // Every page of its own is reused (two news, the service, the agenda item).
    expect(planRender(previous, pageKeys(later, 'theme-1', 'kota.go.id')).reuse).toHaveLength(4);
    expect(planRender(previous, pageKeys(snapshot(base, 'Baru'), 'theme-1', 'kota.go.id')).render).toBeNull();
    expect(planRender(previous, pageKeys(snapshot(base), 'theme-2', 'kota.go.id')).render).toBeNull();
    expect(planRender(previous, pageKeys(snapshot(base), 'theme-1', 'kota-lain.go.id')).render).toBeNull();
  });

  describe('news archive pages', () => {
    /** `count` news items, newest first, as the snapshot lists them. */
    const news = (count, edited = -1) =>
      Array.from({ length: count }, (_, index) => {
        const number = count - index;
        return item(
          'berita',
          `berita-${number}`,
          number === edited ? `Berita ${number} (diperbaiki)` : `Berita ${number}`,
        );
      });
    const keysOf = (items) => pageKeys(snapshot(items), 'theme-1', 'kota.go.id');
    const archive = (plan) => ({
      render: plan.render[NEWS_ARCHIVE],
      reused: plan.reuse.filter((page) => page.startsWith('/berita/halaman/')),
    });

    it('are all reused when one more item is published', () => {
      const plan = planRender(keysOf(news(85)), keysOf(news(86)));
      expect(archive(plan)).toEqual({
        render: [],
        reused: ['/berita/halaman/1/', '/berita/halaman/2/', '/berita/halaman/3/'],
      });
      expect(plan.render['berita']).toEqual(['berita-86']);
    });

    it('gain one page every 20th item, and the page before it gets its new link', () => {
      const plan = planRender(keysOf(news(79)), keysOf(news(80)));
      expect(archive(plan)).toEqual({ render: ['2', '3'], reused: ['/berita/halaman/1/'] });
    });

    it('render again only the page holding an edited item', () => {
      const plan = planRender(keysOf(news(86)), keysOf(news(86, 30)));
      expect(archive(plan)).toEqual({ render: ['2'], reused: ['/berita/halaman/1/', '/berita/halaman/3/'] });
    });
  });
});

describe('the theme version', () => {
  /** A theme folder of its own, with a copy of @laman/shared as its workspace link would resolve it. */
  async function themeFolder() {
    const root = await mkdtemp(path.join(tmpdir(), 'laman-theme-'));
    const shared = path.join(root, 'node_modules', '@laman', 'shared');
    await mkdir(path.join(root, 'src'), { recursive: true });
    await mkdir(path.join(root, 'public'), { recursive: true });
    await mkdir(path.join(root, 'scripts'), { recursive: true });
    await mkdir(path.join(shared, 'dist'), { recursive: true });
    await writeFile(path.join(root, 'src', 'page.astro'), '<h1>Beranda</h1>');
    await writeFile(path.join(root, 'astro.config.mjs'), 'export default {};');
    await writeFile(path.join(root, 'scripts', 'render-entry.mjs'), '');
    await writeFile(path.join(root, 'package.json'), '{"name":"tema"}');
    await writeFile(
      path.join(shared, 'package.json'),
      '{"name":"@laman/shared","type":"module","exports":{".":{"default":"./dist/index.js"}}}',
    );
    await writeFile(path.join(shared, 'dist', 'index.js'), "export const MENU = ['Beranda'];");
    return { root, sharedCode: path.join(shared, 'dist', 'index.js') };
  }

  it('moves when the shared code the theme is bundled with changes, not only its own files', async () => {
    const { root, sharedCode } = await themeFolder();
    const before = themeVersion(root);
    expect(themeVersion(root)).toBe(before);
    await writeFile(sharedCode, "export const MENU = ['Beranda', 'PPID'];");
    expect(themeVersion(root)).not.toBe(before);
  });
});
