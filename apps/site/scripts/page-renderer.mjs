// Renders an OPD site's pages without a whole `astro build` per publish. `astro build` spends most of a small
// build bundling the theme with Vite (430–650 ms of about 1 s for 14 pages at 1,000 news items); the theme
// only changes on a deploy. So the theme is bundled once per theme version in Astro's server mode (a minimal
// adapter whose entry exports Astro's App), kept under `.render/<theme>/`, and each build asks that App for
// just the pages it needs (a few ms each), writing each where a static build would. A test checks that the
// pages are byte-identical to `astro build`'s for the sample site.
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'astro';
import { DETAIL_ROUTES, NEWS_ARCHIVE, newsArchive } from '@laman/shared';
import { fileOperations, linkFolder } from './hard-links.mjs';

/** The theme's routes with a parameter, and which pages they have: an item type, or the news archive. */
const DYNAMIC_ROUTES = {
  ...Object.fromEntries(Object.entries(DETAIL_ROUTES).map(([type, folder]) => [`/${folder}/[slug]`, type])),
  '/berita/halaman/[page]': NEWS_ARCHIVE,
};

const bundles = new Map();

/**
 * The theme's render bundle for this theme version: built on first use (about 3 s) and kept on disk, so a
 * restarted builder reuses it. Two builders may build it at once: each builds in a folder of its own and the
 * first rename wins.
 * @returns {Promise<{ app: { render(request: Request): Promise<Response>, manifest: object }, clientDir: string }>}
 */
export function renderBundle(siteRoot, theme) {
  if (!bundles.has(theme))
    bundles.set(
      theme,
      loadBundle(siteRoot, theme).catch((error) => {
        bundles.delete(theme);
        throw error;
      }),
    );
  return bundles.get(theme);
}

async function loadBundle(siteRoot, theme) {
  const folder = path.join(siteRoot, '.render', theme);
  if (!existsSync(path.join(folder, 'server', 'entry.mjs'))) await bundleTheme(siteRoot, folder);
  const { app } = await import(pathToFileURL(path.join(folder, 'server', 'entry.mjs')).href);
  return { app, clientDir: path.join(folder, 'client') };
}

async function bundleTheme(siteRoot, folder) {
  const staging = `${folder}.${process.pid}.${Date.now()}`;
  process.chdir(siteRoot);
  try {
    // The theme's dynamic pages list their paths for static builds (getStaticPaths); here the address says it.
    await build({
      root: siteRoot,
      outDir: staging,
      output: 'server',
      adapter: renderAdapter(),
      logLevel: 'error',
    });
    await rename(staging, folder).catch((error) => {
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await removeOldBundles(path.dirname(folder), path.basename(folder));
}

/**
 * Bundles of earlier theme versions go after a day: a builder still running an old theme loads its pages from
 * its bundle lazily, and builders retire within 50 builds.
 */
async function removeOldBundles(parent, current) {
  for (const name of await readdir(parent)) {
    const folder = path.join(parent, name);
    const { mtimeMs } = await stat(folder);
    if (name !== current && Date.now() - mtimeMs > 24 * 3600_000)
      await rm(folder, { recursive: true, force: true });
  }
}

function renderAdapter() {
  return {
    name: 'laman-render',
    hooks: {
      'astro:config:done': ({ setAdapter }) =>
        setAdapter({
          name: 'laman-render',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./render-entry.mjs', import.meta.url),
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'stable',
          },
        }),
    },
  };
}

/**
 * The pages of a site to render: every page without a parameter (lists, search, 404, feeds), and the pages of
 * items and news archive pages, all of them or, in an incremental build, those the plan names.
 * @param {Record<string, string[]> | null} only per item type (and NEWS_ARCHIVE), the slugs to render; null: all
 * @returns {Array<{ url: string, file: string }>} the address to ask for and the file it becomes
 */
export function pagesOf(app, snapshot, only) {
  const pages = [];
  for (const { routeData: route } of app.manifest.routes) {
    if (route.route.startsWith('/_')) continue;
    if (route.params.length === 0) pages.push(staticPage(route));
    else {
      const kind = DYNAMIC_ROUTES[route.route];
      if (!kind) throw new Error(`the renderer does not know the pages of ${route.route}`);
      const folder = route.route.slice(0, route.route.lastIndexOf('/'));
      for (const name of only ? (only[kind] ?? []) : allOf(snapshot, kind))
        pages.push({ url: `${folder}/${name}/`, file: `${folder.slice(1)}/${name}/index.html` });
    }
  }
  return pages;
}

function staticPage(route) {
  const pathname = route.pathname;
  if (route.type === 'endpoint') return { url: pathname, file: pathname.slice(1) };
  if (pathname === '/404') return { url: '/404/', file: '404.html' };
  return {
    url: pathname === '/' ? '/' : `${pathname}/`,
    file: `${pathname.slice(1)}${pathname === '/' ? '' : '/'}index.html`,
  };
}

function allOf(snapshot, kind) {
  if (kind === NEWS_ARCHIVE)
    return newsArchive(snapshot.items.filter((item) => item.type === 'berita').length).pages.map((page) =>
      String(page.number),
    );
  return snapshot.items.filter((item) => item.type === kind).map((item) => item.slug);
}

/**
 * The snapshot the theme's pages read (by LAMAN_SNAPSHOT_FILE), handed over already parsed: at 5,000 items
 * it is 25 MB of JSON, about 200 ms to parse again.
 */
export function useSnapshot(file, snapshot) {
  process.env.LAMAN_SNAPSHOT_FILE = file;
  globalThis.lamanSnapshot = { file, snapshot };
}

/** A warm builder lets go of the last build's snapshot once its pages are rendered. */
export function forgetSnapshot() {
  delete globalThis.lamanSnapshot;
}

/**
 * Renders the pages into `buildDir` and links the theme's own files (scripts, icons) beside them. The
 * snapshot is the one LAMAN_SNAPSHOT_FILE names (the theme reads it per page).
 */
export async function renderPages({ app, clientDir }, buildDir, pages) {
  await mkdir(buildDir, { recursive: true });
  if (existsSync(clientDir) && (await readdir(clientDir)).length > 0) await linkFolder(clientDir, buildDir);
  for (const page of pages) {
    const html = await renderPage({ app }, page.url, page.file === '404.html' ? 404 : 200);
    const target = path.join(buildDir, page.file);
    await fileOperations(async () => {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, html);
    });
  }
}

/** One page's bytes, as the theme renders it for the address (a site path such as `/berita/kabar/`). */
export async function renderPage({ app }, url, expected = 200) {
  const response = await app.render(new Request(`http://site.invalid${url}`));
  if (response.status !== expected) throw new Error(`${url}: HTTP ${response.status} from the theme`);
  return Buffer.from(await response.arrayBuffer());
}
