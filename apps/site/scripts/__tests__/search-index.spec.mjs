import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { assignSections, BIG, indexForSearch, SMALL } from '../search-index.mjs';

const article = (title, text) =>
  `<!doctype html><html lang="id"><head><title>${title}</title></head><body><nav>Menu</nav>` +
  `<main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
const listPage = `<!doctype html><html lang="id"><head><title>Berita</title></head><body><main><h1>Berita</h1></main></body></html>`;

/** Writes a build folder: 300 articles and a list page that is not searchable. */
async function build(root, name, edits = {}, without = []) {
  const dir = path.join(root, name);
  const pages = ['/berita/'];
  await mkdir(path.join(dir, 'berita'), { recursive: true });
  await writeFile(path.join(dir, 'berita', 'index.html'), listPage);
  for (let n = 0; n < 300; n++) {
    const page = `/berita/kabar-${n}/`;
    if (without.includes(page)) continue;
    await mkdir(path.join(dir, page), { recursive: true });
    await writeFile(
      path.join(dir, page, 'index.html'),
      article(`Kabar ${n}`, edits[page] ?? `Isi kabar nomor ${n}.`),
    );
    pages.push(page);
  }
  return { dir, pages };
}

/** Every page's text in a build's search index, by address. */
async function indexed(dir) {
  const { sections } = JSON.parse(await readFile(path.join(dir, 'pagefind', 'sections.json'), 'utf8'));
  const byUrl = {};
  for (const section of sections) {
    const folder = path.join(dir, section, 'fragment');
    for (const name of await readdir(folder)) {
      const fragment = JSON.parse(
        gunzipSync(await readFile(path.join(folder, name)))
          .toString('utf8')
          .replace(/^[^{]*/, ''),
      );
      byUrl[fragment.url] = fragment.content;
    }
  }
  return { sections, byUrl };
}

describe('the search index in sections', () => {
  let root;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-search-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  describe('which section a page is in', () => {
    const pages = (from, count) => Array.from({ length: count }, (_, n) => `/berita/kabar-${from + n}/`);
    const sizes = ({ sections }) =>
      Object.values(sections).map((section) => [section.tier, section.pages.length]);
    const publish = (state, all, changed = []) => assignSections(all, state.sections, new Set(changed));

    it('starts in sections of 128 and puts new pages in a small open section, touching nothing else', () => {
      const first = assignSections(pages(0, 300), null, new Set());
      expect(sizes(first)).toEqual([
        ['big', 128],
        ['big', 128],
        ['big', 44],
      ]);
      expect([...first.dirty]).toEqual(['0', '1', '2']);
      const second = publish(first, pages(0, 301));
      expect(sizes(second)).toEqual([...sizes(first), ['small', 1]]);
      expect([...second.dirty]).toEqual(['3']);
      let state = second;
      for (let count = 302; count <= 300 + SMALL + 1; count++) state = publish(state, pages(0, count));
      expect(sizes(state).slice(3)).toEqual([
        ['small', SMALL],
        ['small', 1],
      ]);
      expect([...state.dirty]).toEqual(['4']);
    });

    it('merges four full small sections into one big one, so the count stays near pages ÷ 128', () => {
      let state = assignSections(pages(0, 10), null, new Set());
      let merged = 0;
      for (let count = 11; count <= 1000; count++) {
        const next = publish(state, pages(0, count));
        if (sizes(next).length < sizes(state).length) merged++;
        // Every page in exactly one section.
        expect(
          Object.values(next.sections)
            .flatMap((section) => section.pages)
            .sort(),
        ).toEqual(pages(0, count).sort());
        expect(Object.keys(next.sections).length).toBeLessThanOrEqual(Math.ceil(count / BIG) + 4);
        state = next;
      }
      expect(merged).toBeGreaterThanOrEqual(7);
    });

    it('indexes again only the section of a changed or removed page', () => {
      const first = assignSections(pages(0, 300), null, new Set());
      const changed = publish(first, pages(0, 300), ['/berita/kabar-5/']);
      const holding = (state, page) =>
        Object.keys(state.sections).find((id) => state.sections[id].pages.includes(page));
      expect([...changed.dirty]).toEqual([holding(first, '/berita/kabar-5/')]);
      const removed = publish(
        first,
        pages(0, 300).filter((page) => page !== '/berita/kabar-200/'),
      );
      expect([...removed.dirty]).toEqual([holding(first, '/berita/kabar-200/')]);
    });
  });

  it('indexes searchable pages only, and on a publish re-indexes only the sections it touched', async () => {
    const first = await build(root, 'b1');
    const initial = await indexForSearch(first.dir, { rendered: new Set(first.pages), reused: [] }, null);
    expect(initial.total).toBe(3);
    expect(initial.indexed).toBe(3);
    const before = await indexed(first.dir);
    expect(Object.keys(before.byUrl)).toHaveLength(300);
    expect(before.byUrl['/berita/']).toBeUndefined();

    // One article changed: only its section is indexed again; the others are the live build's files.
    const changed = '/berita/kabar-7/';
    const second = await build(root, 'b2', { [changed]: 'Jadwal perekaman KTP-el berubah.' });
    const reused = second.pages.filter((page) => page !== changed && page !== '/berita/');
    const next = await indexForSearch(
      second.dir,
      { rendered: new Set([changed, '/berita/']), reused },
      { dir: first.dir, search: initial.search },
    );
    expect(next.indexed).toBe(1);
    const after = await indexed(second.dir);
    expect(after.byUrl[changed]).toContain('Jadwal perekaman KTP-el berubah');
    expect(Object.keys(after.byUrl)).toHaveLength(300);
    const holding = Object.keys(next.search.sections).find((id) =>
      next.search.sections[id].pages.includes(changed),
    );
    const untouched = after.sections.find((section) => !section.endsWith(`s${holding}/`));
    const [fragment] = await readdir(path.join(second.dir, untouched, 'fragment'));
    const inode = async (dir) => (await stat(path.join(dir, untouched, 'fragment', fragment))).ino;
    expect(await inode(second.dir)).toBe(await inode(first.dir));

    // An unpublished article leaves the index: its section is indexed again without it.
    const gone = '/berita/kabar-42/';
    const third = await build(root, 'b3', {}, [gone]);
    const rest = await indexForSearch(
      third.dir,
      { rendered: new Set(['/berita/']), reused: third.pages.filter((page) => page !== '/berita/') },
      { dir: second.dir, search: next.search },
    );
    expect(rest.indexed).toBe(1);
    expect((await indexed(third.dir)).byUrl[gone]).toBeUndefined();

    // A page rendered again with the same HTML (Kontak renders on every build) indexes nothing.
    const fourth = await build(root, 'b4', {}, [gone]);
    const same = '/berita/kabar-1/';
    const quiet = await indexForSearch(
      fourth.dir,
      { rendered: new Set([same]), reused: fourth.pages.filter((page) => page !== same) },
      { dir: third.dir, search: rest.search },
    );
    expect(quiet.indexed).toBe(0);
    expect(Object.keys((await indexed(fourth.dir)).byUrl)).toHaveLength(299);
  }, 60_000);
});
