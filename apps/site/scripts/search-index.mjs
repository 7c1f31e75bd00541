// The site search index, in sections: Pagefind cannot add to or remove from an index it wrote, and indexing
// costs about the same per page however it is fed (HTML or custom records), so a site's pages are split into
// sections and a publish re-indexes only the sections it touched; the others are hard-linked from the live
// build. The search page merges the sections listed in /pagefind/sections.json (Pagefind's mergeIndex).
//
// A page stays in the section it was first put in (the manifest records them). New pages go to a small open
// section (up to 32 pages), so a publish re-indexes about 16 pages on average instead of a 128-page section;
// four full small sections are merged into one big one (128 pages, one publish in 128 pays for it), which keeps
// the number of sections a phone merges near pages ÷ 128.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { linkFolder } from './hard-links.mjs';

export const BIG = 128;
export const SMALL = 32;
const MERGE_AT = 4;
const SEARCHABLE = 'data-pagefind-body';

/**
 * Which section each searchable page is in, and which sections must be indexed anew.
 * @param {string[]} searchable every searchable page of the new build
 * @param {Record<string, { tier: 'big' | 'small', pages: string[] }> | null} previous the live build's sections
 * @param {Set<string>} changed pages whose HTML differs from the live build's
 * @returns {{ sections: Record<string, { tier: 'big' | 'small', pages: string[] }>, dirty: Set<string> }}
 */
export function assignSections(searchable, previous, changed) {
  if (!previous) return freshSections(searchable, 0);
  const ids = Object.keys(previous).map(Number);
  let nextId = ids.length > 0 ? Math.max(...ids) + 1 : 0;
  const present = new Set(searchable);
  const sections = {};
  const dirty = new Set();
  const placed = new Set();
  for (const [id, { tier, pages }] of Object.entries(previous)) {
    const kept = pages.filter((page) => present.has(page));
    for (const page of kept) placed.add(page);
    if (kept.length === 0) continue;
    sections[id] = { tier, pages: kept };
    if (kept.length !== pages.length || kept.some((page) => changed.has(page))) dirty.add(id);
  }
  for (const page of searchable.filter((candidate) => !placed.has(candidate))) {
    let open = Object.keys(sections)
      .filter((id) => sections[id].tier === 'small')
      .sort((a, b) => Number(b) - Number(a))[0];
    if (!open || sections[open].pages.length >= SMALL) {
      open = String(nextId++);
      sections[open] = { tier: 'small', pages: [] };
    }
    sections[open].pages.push(page);
    dirty.add(open);
  }
  const full = Object.keys(sections).filter(
    (id) => sections[id].tier === 'small' && sections[id].pages.length >= SMALL,
  );
  if (full.length >= MERGE_AT) {
    const merged = String(nextId++);
    sections[merged] = { tier: 'big', pages: full.flatMap((id) => sections[id].pages) };
    for (const id of full) {
      delete sections[id];
      dirty.delete(id);
    }
    dirty.add(merged);
  }
  // Many removals can leave many thin sections: then start again.
  const ideal = Math.ceil(searchable.length / BIG) + MERGE_AT + 1;
  if (Object.keys(sections).length > 2 * ideal) return freshSections(searchable, nextId);
  return { sections, dirty };
}

function freshSections(searchable, firstId) {
  const sections = {};
  const sorted = [...searchable].sort();
  for (let start = 0; start < sorted.length; start += BIG)
    sections[String(firstId + start / BIG)] = { tier: 'big', pages: sorted.slice(start, start + BIG) };
  return { sections, dirty: new Set(Object.keys(sections)) };
}

/**
 * @param {string} buildDir the new build
 * @param {{ rendered: Set<string>, reused: string[] }} pages pages rendered by this build and pages reused
 *   unchanged from the live build (site addresses, `/berita/a/`); a rendered page whose HTML is the live
 *   build's is not indexed again
 * @param {{ dir: string, search?: { sections?: object } } | null} previous the live build's folder and what
 *   its manifest says of its search sections
 * @returns the manifest's search record and how many sections were indexed anew
 */
export async function indexForSearch(buildDir, { rendered, reused }, previous) {
  // A manifest from before sticky sections has none: everything is indexed once more.
  const before = typeof previous?.search?.sections === 'object' ? previous.search.sections : null;
  // A reused page is searchable if it was in the live build's index; without that record, its page is read.
  const known = before ? new Set(Object.values(before).flatMap((section) => section.pages)) : null;
  // Each rendered page is read once: whether it is searchable, and whether it differs from the live build.
  const renderedHtml = new Map(
    await Promise.all([...rendered].map(async (page) => [page, await pageHtml(buildDir, page)])),
  );
  const renderedSearchable = [...renderedHtml]
    .filter(([, html]) => html.includes(SEARCHABLE))
    .map(([page]) => page);
  const isSearchable = async (page) => (await pageHtml(buildDir, page)).includes(SEARCHABLE);
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
  const { sections, dirty } = assignSections(searchable, before, changed);

  const toIndex = [];
  const started = performance.now();
  for (const [id, { pages }] of Object.entries(sections)) {
    const target = path.join(buildDir, 'pagefind', `s${id}`);
    const from = previous && path.join(previous.dir, 'pagefind', `s${id}`);
    if (!dirty.has(id) && from && existsSync(from)) await linkFolder(from, target);
    else toIndex.push([pages, target]);
  }
  const linkMs = performance.now() - started;
  // Pagefind's service indexes several sections at once (a full build of 1,000 pages: 1.5 s, against 2.1 s
  // one section after another).
  await Promise.all(toIndex.map(([pages, target]) => indexSection(buildDir, pages, target)));
  const indexed = toIndex.map(([pages]) => pages.length);
  const listed = Object.keys(sections).map((id) => `/pagefind/s${id}/`);
  await mkdir(path.join(buildDir, 'pagefind'), { recursive: true });
  await writeFile(path.join(buildDir, 'pagefind', 'sections.json'), JSON.stringify({ sections: listed }));
  return {
    search: { sections },
    indexed: indexed.length,
    indexedPages: indexed.reduce((sum, count) => sum + count, 0),
    total: listed.length,
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

async function indexSection(buildDir, pages, outputPath) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page, content: await pageHtml(buildDir, page) });
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
