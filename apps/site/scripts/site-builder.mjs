// Builds one OPD's static site from the public read API and makes it live atomically.
// Layout under `out`: <tenant>/builds/<id>/ (the last three kept, each with manifests/<id>.json beside it),
// <tenant>/live → builds/<id> (a symlink swapped with rename(2): readers see the old site or the new one,
// never half of either), and _domains/<host> → ../<tenant>/live for each host name of the site (nginx).
// Steps: snapshot and plan (build-snapshot.mjs: render only what changed, fetching only those items' bodies) →
// render those pages (page-renderer.mjs: the theme bundled once per theme version) → reuse unchanged pages →
// Pagefind index → checks. A build whose pages look like online-gambling spam is held: `live` stays as it was.
import { existsSync } from 'node:fs';
import { cp, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { snapshotToBuild } from './build-snapshot.mjs';
import { forgetSnapshot, pagesOf, renderBundle, renderPages, useSnapshot } from './page-renderer.mjs';
import { themeVersion } from './render-plan.mjs';
import { fileOperations } from './hard-links.mjs';
import { indexForSearch } from './search-index.mjs';
import { buildGuard, htmlFiles, inspectFile, pagePath, summarize } from './site-checks.mjs';
import {
  goLive,
  linkHosts,
  liveBuild,
  pruneSite,
  relink,
  removeStale,
  retireFormerFolders,
} from './site-folders.mjs';

import { localListing, mirrorBuild, uploadBuild } from './site-mirror.mjs';
import { openSiteStore } from './site-store.mjs';
import { ensureClient } from './build-client.mjs';
export { goLive, KEEP, linkHosts, prune, pruneSite, removeStale } from './site-folders.mjs';

const LISTED = 50;
export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The theme's browser bundle first (`pnpm start` builds only the API and the admin): it is part of the theme.
ensureClient();
const theme = themeVersion(siteRoot);

export class BuildHeld extends Error {
  constructor(summary) {
    super('online-gambling spam found; the live site is unchanged');
    this.summary = summary;
  }
}

/**
 * @param {{ api: string, tenant: string, out: string, full?: boolean, spamTerms?: Array<{kind: string, term: string}>,
 *   trustedHosts?: string[], pruneLater?: boolean, mayGoLive?: (publication?: object) => Promise<boolean>,
 *   store?: object | null }} request `spamTerms`: the platform's additions to the spam lexicon;
 *   `trustedHosts`: the platform's own hosts (where the site's files are served from); `pruneLater`: the
 *   caller deletes old builds (`pruneSite`) later (the long-lived warm builder); `mayGoLive`: asked last, a
 *   false answer fails the build and leaves `live` as it was; `store`: object storage settings (site-store.mjs):
 *   the build starts from the live build in the bucket and is uploaded there, and `mayGoLive({ build, hosts,
 *   formerSlugs })` is where the worker switches the OPD's pointer
 * @returns the build's summary (timings, checks); throws BuildHeld when the checks hold it, Error on failure
 */
export async function buildSite({
  api,
  tenant,
  out,
  full = false,
  spamTerms = [],
  trustedHosts = [],
  pruneLater = false,
  mayGoLive = async () => true,
  store = null,
}) {
  const started = performance.now();
  const tenantDir = path.resolve(out, tenant);
  const buildId = `${Date.now()}`;
  const buildDir = path.join(tenantDir, 'builds', buildId);
  const workDir = path.join(tenantDir, 'work', buildId);
  const timings = {};
  const lap = (name, since) => (timings[name] = Math.round(performance.now() - since));
  await removeStale(path.join(siteRoot, '.builds'));
  await removeStale(path.join(tenantDir, 'work'));
  try {
    let since = performance.now();
    const snapshotFile = path.join(workDir, 'snapshot.json');
    await mkdir(workDir, { recursive: true });
    const sitesDomain = process.env.LAMAN_SITES_DOMAIN || 'bandarlampungkota.go.id';
    const siteStore = openSiteStore(store);
    if (siteStore) await startFromStore(siteStore, tenant, tenantDir);
    const base = await liveBuild(tenantDir);
    const previous = base ? await readManifest(tenantDir, base) : null;
    // A page of a full build that comes out byte for byte as the live build has it still skips its search
    // indexing and its checks below.
    const {
      snapshot,
      keys,
      plan,
      read: snapshotRead,
    } = await snapshotToBuild({
      api,
      tenant,
      full,
      previous,
      theme,
      sitesDomain,
    });
    await writeFile(snapshotFile, JSON.stringify(snapshot));
    lap('fetchMs', since);
    timings.snapshotRead = snapshotRead;

    since = performance.now();
    useSnapshot(snapshotFile, snapshot);
    const renderer = await renderBundle(siteRoot, theme);
    await renderPages(renderer, buildDir, pagesOf(renderer.app, snapshot, plan.render)).finally(
      forgetSnapshot,
    );
    lap('buildMs', since);

    const rendered = new Set((await htmlFiles(buildDir)).map((file) => pagePath(buildDir, file)));
    const host = snapshot.tenant.domain ?? `${snapshot.tenant.slug}.${sitesDomain}`;
    const liveDir = base ? path.join(tenantDir, 'builds', base) : null;
    since = performance.now();
    await reusePages(liveDir ?? '', buildDir, plan.reuse);
    lap('reuseMs', since);

    // Measured: overlapping the search index with the links and the checks made the build slower on two cores
    // (Pagefind's indexing is CPU-bound), so the steps run one after another.
    since = performance.now();
    const searchIndex = await indexForSearch(
      buildDir,
      { rendered, reused: plan.reuse },
      liveDir ? { dir: liveDir, search: previous?.search } : null,
    );
    lap('searchIndexMs', since);

    since = performance.now();
    const context = { siteHost: host, trustedHosts: [new URL(api).hostname, ...trustedHosts] };
    // A page read with another lexicon (or for other hosts) is read again: a term added since must reach
    // unchanged pages too.
    const lexicon = JSON.stringify({ spamTerms, context });
    const earlier = previous?.lexicon === lexicon ? previous.inspected : undefined;
    const unchanged = earlier && liveDir ? await sameAsLive(buildDir, liveDir, [...rendered]) : new Set();
    const { checks, inspected, read } = await checkPages(
      buildDir,
      { rendered, reused: plan.reuse, unchanged },
      context,
      buildGuard(spamTerms),
      earlier,
    );
    lap('checksMs', since);
    timings.searchSections = searchIndex.indexed;
    timings.searchLinkMs = searchIndex.linkMs;
    timings.searchPages = searchIndex.indexedPages;
    timings.checkedPages = read;

    const summary = {
      tenant,
      build: buildId,
      rendered: rendered.size,
      reused: plan.reuse.length,
      ...timings,
      checks: listed(checks),
    };
    if (checks.spam.length > 0) throw new BuildHeld(summary);
    const manifest = {
      shared: keys.shared,
      details: keys.details,
      inspected,
      lexicon,
      search: searchIndex.search,
    };
    // A renamed OPD's old host gets no link: nginx then asks the API, which answers 301 to the new address.
    const formerSlugs = snapshot.tenant.formerSlugs ?? [];
    const hosts = [...new Set([`${snapshot.tenant.slug}.${sitesDomain}`, host])];
    if (siteStore) {
      since = performance.now();
      const baseListing = base ? await localListing(tenantDir, base) : null;
      const sent = await uploadBuild(siteStore, {
        slug: tenant,
        tenantDir,
        build: buildId,
        manifest,
        base: baseListing,
      });
      lap('uploadMs', since);
      timings.uploadedFiles = sent.uploaded;
      timings.hashedFiles = sent.hashed;
      summary.uploadMs = timings.uploadMs;
      summary.uploadedFiles = sent.uploaded;
      summary.hashedFiles = sent.hashed;
    }
    // The warm builder asks its worker whether the build's job is still its own (not retried elsewhere after a
    // lost heartbeat): only then may it go live. With object storage the worker switches the OPD's pointer in
    // the same step, under the OPD's pointer lock.
    if (!(await mayGoLive({ build: buildId, hosts, formerSlugs })))
      throw new Error('the build no longer holds its job; not made live');

    since = performance.now();
    await writeManifest(tenantDir, buildId, manifest);
    await goLive(tenantDir, buildId);
    await linkHosts(path.resolve(out), tenant, hosts, formerSlugs);
    await retireFormerFolders(path.resolve(out), tenant, formerSlugs);
    lap('goLiveMs', since);
    const done = { ...summary, goLiveMs: timings.goLiveMs, totalMs: Math.round(performance.now() - started) };
    // The warm builder deletes old builds when idle (idle-pruning.mjs): the editor waiting for "Sudah tayang"
    // does not wait for a folder delete. A one-shot process (which exits on answering) prunes before it answers.
    if (!pruneLater) await pruneSite(tenantDir);
    return done;
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Astro renders into a fresh folder inside the theme (it resolves the theme's packages from the working
 * directory, and an output folder elsewhere would make it reuse one fixed bundle path, which a warm process
 * imports only once: every later build would render the first tenant's pages). Then the result moves to the
 * sites folder, by rename or, across file systems (a Docker volume), by copy.
 */
export async function renderWithAstro(stagingDir, buildDir, sources = {}) {
  process.chdir(siteRoot);
  try {
    await build({ root: siteRoot, outDir: stagingDir, logLevel: 'warn', ...sources });
    await rm(path.join(stagingDir, '.prerender'), { recursive: true, force: true });
    await mkdir(path.dirname(buildDir), { recursive: true });
    await rename(stagingDir, buildDir).catch(async (error) => {
      if (error.code !== 'EXDEV') throw error;
      await cp(stagingDir, buildDir, { recursive: true });
    });
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
}

/**
 * With object storage, the live build may have been made on another host: it is fetched first (only files this
 * host lacks) and becomes this host's base, so the build stays incremental wherever it runs.
 */
async function startFromStore(siteStore, slug, tenantDir) {
  const pointer = await siteStore.pointer(slug);
  if (!pointer?.build || (await liveBuild(tenantDir)) === pointer.build) return;
  if (await mirrorBuild(siteStore, { slug, tenantDir, build: pointer.build }))
    await relink(tenantDir, 'live', path.join('builds', pointer.build));
}

async function readManifest(tenantDir, buildId) {
  const file = path.join(tenantDir, 'manifests', `${buildId}.json`);
  return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null;
}

async function writeManifest(tenantDir, buildId, manifest) {
  await mkdir(path.join(tenantDir, 'manifests'), { recursive: true });
  await writeFile(path.join(tenantDir, 'manifests', `${buildId}.json`), JSON.stringify(manifest));
}

/** Hard-links unchanged detail pages from the live build: no copy, and the live build is never touched. */
async function reusePages(fromDir, toDir, pages) {
  await Promise.all(
    pages.map((page) =>
      fileOperations(async () => {
        const target = path.join(toDir, page, 'index.html');
        await mkdir(path.dirname(target), { recursive: true });
        await link(path.join(fromDir, page, 'index.html'), target);
      }),
    ),
  );
}

/**
 * Reads every page with the build's checks; a reused page, or a rendered one byte-identical to the live
 * build's, keeps the live build's reading.
 */
async function checkPages(buildDir, { rendered, reused, unchanged }, context, guard, earlier) {
  const inspected = {};
  let read = 0;
  for (const page of [...rendered, ...reused]) {
    const kept = (!rendered.has(page) || unchanged.has(page)) && earlier?.[page];
    if (!kept) read++;
    inspected[page] =
      kept ||
      (await inspectFile(path.join(buildDir, page, page.endsWith('/') ? 'index.html' : ''), context, guard));
  }
  return { checks: summarize(buildDir, inspected), inspected, read };
}

/** The pages whose new file is byte for byte the live build's. */
async function sameAsLive(buildDir, liveDir, pages) {
  const file = (dir, page) => path.join(dir, page, page.endsWith('/') ? 'index.html' : '');
  const same = await Promise.all(
    pages.map((page) =>
      fileOperations(async () => {
        const [mine, live] = await Promise.all([
          readFile(file(buildDir, page)),
          readFile(file(liveDir, page)).catch(() => null),
        ]);
        return live !== null && mine.equals(live);
      }),
    ),
  );
  return new Set(pages.filter((_, index) => same[index]));
}

/** Findings with long lists cut short, so a build record stays small; the counts stay exact. */
function listed(checks) {
  const cut = (list) => list.slice(0, LISTED);
  const kinds = ['brokenLinks', 'untitled', 'missingAlt', 'spam', 'gamblingMentions'];
  return {
    pages: checks.pages,
    counts: Object.fromEntries(kinds.map((kind) => [kind, checks[kind].length])),
    ...Object.fromEntries(kinds.map((kind) => [kind, cut(checks[kind])])),
  };
}
