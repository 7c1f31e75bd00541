// The site search index, in sections: Pagefind cannot add to or remove from an index it wrote, and indexing
// costs about the same per page however it is fed (HTML or custom records), so a site of 1,000 pages is split
// into sections of about 128 pages by a stable hash of each page's address. A publish re-indexes only the
// sections that hold a changed, added or removed page; the others are hard-linked from the live build. The
// search page merges the sections listed in /pagefind/sections.json (Pagefind's mergeIndex).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { linkFolder } from './hard-links.mjs';

const PER_SECTION = 128;
const SEARCHABLE = 'data-pagefind-body';

/** How many sections a site of `pages` searchable pages gets: a power of two, so it rarely changes. */
export function sectionCount(pages) {
  let count = 1;
  while (count * PER_SECTION < pages) count *= 2;
  return count;
}

/** A page's section: FNV-1a of its address, so it stays in the same section from build to build. */
export function sectionOf(page, count) {
  let hash = 0x811c9dc5;
  for (const char of page) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash >>> 0) % count;
}

/**
 * @param {string} buildDir the new build
 * @param {{ rendered: Set<string>, reused: string[] }} pages pages rendered by this build and pages reused
 *   unchanged from the live build (site addresses, `/berita/a/`); a rendered page whose HTML is the live
 *   build's is not indexed again
 * @param {{ dir: string, search?: { sections: number, members: Record<string, string[]> } } | null} previous
 *   the live build's folder and what its manifest says of its search sections
 * @returns the manifest's search record and how many sections were indexed anew
 */
export async function indexForSearch(buildDir, { rendered, reused }, previous) {
  // A reused page is searchable if it was in the live build's index; a build from before sections were
  // recorded has no such list, and its pages are read.
  const known = previous?.search ? new Set(Object.values(previous.search.members).flat()) : null;
  // Each rendered page is read once: whether it is searchable, and whether it differs from the live build.
  const renderedHtml = new Map(
    await Promise.all([...rendered].map(async (page) => [page, await pageHtml(buildDir, page)])),
  );
  const renderedSearchable = [...renderedHtml]
    .filter(([, html]) => html.includes(SEARCHABLE))
    .map(([page]) => page);
  const read = (page) => pageHtml(buildDir, page);
  const isSearchable = async (page) => (await read(page)).includes(SEARCHABLE);
  const searchable = [
    ...renderedSearchable,
    ...(known ? reused.filter((page) => known.has(page)) : await filterAsync(reused, isSearchable)),
  ].sort();
  // Pages without a page of their own per item (Kontak, Kinerja…) render on every build, mostly unchanged:
  // only a page whose HTML differs from the live build's counts as changed.
  const changed = new Set(
    await filterAsync(
      renderedSearchable,
      async (page) =>
        !previous || renderedHtml.get(page) !== (await pageHtml(previous.dir, page).catch(() => null)),
    ),
  );
  const count = sectionCount(searchable.length);
  const members = {};
  for (const page of searchable) (members[sectionOf(page, count)] ??= []).push(page);

  const toIndex = [];
  const started = performance.now();
  for (const [section, pages] of Object.entries(members)) {
    const target = path.join(buildDir, 'pagefind', `s${section}`);
    const before = previous?.search?.sections === count ? previous.search.members[section] : undefined;
    const from = previous && path.join(previous.dir, 'pagefind', `s${section}`);
    const unchanged =
      before?.join('\n') === pages.join('\n') && !pages.some((page) => changed.has(page)) && existsSync(from);
    if (unchanged) await linkFolder(from, target);
    else toIndex.push([pages, target]);
  }
  const linkMs = performance.now() - started;
  // Pagefind's service indexes several sections at once (a full build of 1,000 pages: 1.5 s, against 2.1 s
  // one section after another).
  await Promise.all(toIndex.map(([pages, target]) => indexSection(read, pages, target)));
  const indexed = toIndex.length;
  const sections = Object.keys(members).map((section) => `/pagefind/s${section}/`);
  await mkdir(path.join(buildDir, 'pagefind'), { recursive: true });
  await writeFile(path.join(buildDir, 'pagefind', 'sections.json'), JSON.stringify({ sections }));
  return {
    search: { sections: count, members },
    indexed,
    total: sections.length,
    linkMs: Math.round(linkMs),
  };
}

/** One index of every page in a folder (the city portal, rebuilt whole each time). */
export async function indexFolder(folder) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  await index.addDirectory({ path: folder });
  await index.writeFiles({ outputPath: path.join(folder, 'pagefind') });
  await index.deleteIndex();
}

async function indexSection(read, pages, outputPath) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page, content: await read(page) });
    if (added.errors.length) throw new Error(`search index, ${page}: ${added.errors.join('; ')}`);
  }
  await index.writeFiles({ outputPath });
  await index.deleteIndex();
}

function pageHtml(buildDir, page) {
  return readFile(path.join(buildDir, page, page.endsWith('/') ? 'index.html' : ''), 'utf8');
}

async function filterAsync(values, predicate) {
  const keep = await Promise.all(values.map(predicate));
  return values.filter((_, index) => keep[index]);
}
