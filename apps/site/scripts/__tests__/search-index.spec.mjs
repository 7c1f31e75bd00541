import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { indexForSearch, sectionCount, sectionOf } from '../search-index.mjs';

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

  it('puts each page in the same section every time, spread over a power-of-two number of sections', () => {
    expect([sectionCount(0), sectionCount(128), sectionCount(129), sectionCount(1000)]).toEqual([1, 1, 2, 8]);
    const counts = new Array(8).fill(0);
    for (let n = 0; n < 1000; n++) counts[sectionOf(`/berita/kabar-${n}/`, 8)]++;
    expect(Math.min(...counts)).toBeGreaterThan(80);
    expect(sectionOf('/berita/kabar-1/', 8)).toBe(sectionOf('/berita/kabar-1/', 8));
  });

  it('indexes searchable pages only, and on a publish re-indexes only the sections it touched', async () => {
    const first = await build(root, 'b1');
    const initial = await indexForSearch(first.dir, { rendered: new Set(first.pages), reused: [] }, null);
    expect(initial.total).toBe(4);
    expect(initial.indexed).toBe(4);
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
    const untouched = after.sections.find((section) => !section.endsWith(`s${sectionOf(changed, 4)}/`));
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
