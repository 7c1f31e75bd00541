#!/usr/bin/env node
// Builds one OPD's static site from the public read API and makes it live atomically:
//   node apps/site/scripts/build-site.mjs --api http://localhost:3000 --tenant disdukcapil --out .data/sites
// Layout: <out>/<tenant>/builds/<id>/ (the last three kept) and <out>/<tenant>/live → builds/<id> (a symlink,
// swapped with rename(2), so readers see the old site or the new one, never half of either), and
// <out>/_domains/<host> → ../<tenant>/live for each host name of the site (what nginx serves).
// After `astro build`, Pagefind indexes the pages for the site's search, and the checks in site-checks.mjs
// run; a build whose pages look like online-gambling spam is held (exit code 3): `live` stays as it was.
// A failed fetch or build leaves `live` untouched and exits non-zero.
import { mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { checkSite } from './site-checks.mjs';

const HELD = 3;
const LISTED = 50;

const KEEP = 3;
const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: { api: { type: 'string' }, tenant: { type: 'string' }, out: { type: 'string' } },
});
if (!values.api || !values.tenant || !values.out) {
  console.error('Usage: build-site.mjs --api URL --tenant SLUG --out DIR');
  process.exit(2);
}

// Started by the site worker with an IPC channel: if the worker dies, stop too (its job will be retried).
// The channel must not keep this process alive once the build is done.
process.on('disconnect', () => process.exit(1));
process.channel?.unref();

const started = performance.now();
const tenantDir = path.resolve(values.out, values.tenant);
const buildId = `${Date.now()}`;
const buildDir = path.join(tenantDir, 'builds', buildId);

try {
  const response = await fetch(`${values.api.replace(/\/$/, '')}/api/v1/public/${values.tenant}/snapshot`, {
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const snapshotFile = path.join(tenantDir, 'snapshots', `${buildId}.json`);
  await mkdir(path.dirname(snapshotFile), { recursive: true });
  await writeFile(snapshotFile, Buffer.from(await response.arrayBuffer()));
  const fetched = performance.now();

  process.env.LAMAN_SNAPSHOT_FILE = snapshotFile;
  // Astro writes intermediate files and resolves the theme's packages relative to the working directory.
  process.chdir(siteRoot);
  await build({ root: siteRoot, outDir: buildDir, logLevel: 'warn' });
  const built = performance.now();
  await indexForSearch(buildDir);
  const indexed = performance.now();
  const snapshot = JSON.parse(await readFile(snapshotFile, 'utf8'));
  const checks = await checkSite(buildDir, siteHost(snapshot));
  const checked = performance.now();
  const timings = {
    fetchMs: Math.round(fetched - started),
    buildMs: Math.round(built - fetched),
    searchIndexMs: Math.round(indexed - built),
    checksMs: Math.round(checked - indexed),
  };
  if (checks.spam.length > 0) {
    await rm(buildDir, { recursive: true, force: true });
    await rm(snapshotFile, { force: true });
    console.log(
      JSON.stringify({
        tenant: values.tenant,
        build: buildId,
        held: true,
        ...timings,
        checks: listed(checks),
      }),
    );
    console.error(`Build of ${values.tenant} held: online-gambling spam found; the live site is unchanged.`);
    process.exit(HELD);
  }

  const next = path.join(tenantDir, `live.${buildId}`);
  await symlink(path.join('builds', buildId), next);
  await rename(next, path.join(tenantDir, 'live'));
  await linkHosts(path.resolve(values.out), values.tenant, siteHosts(snapshot));
  await prune(path.join(tenantDir, 'builds'), KEEP);
  await rm(snapshotFile, { force: true });
  console.log(
    JSON.stringify({
      tenant: values.tenant,
      build: buildId,
      ...timings,
      totalMs: Math.round(performance.now() - started),
      checks: listed(checks),
    }),
  );
} catch (error) {
  await rm(buildDir, { recursive: true, force: true });
  console.error(
    `Build of ${values.tenant} failed; the live site is unchanged: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}

async function indexForSearch(folder) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  await index.addDirectory({ path: folder });
  await index.writeFiles({ outputPath: path.join(folder, 'pagefind') });
  await pagefind.close();
}

function defaultHost(slug) {
  return `${slug}.${process.env.LAMAN_SITES_DOMAIN || 'bandarlampungkota.go.id'}`;
}

function siteHost(snapshot) {
  return snapshot.tenant.domain ?? defaultHost(snapshot.tenant.slug);
}

function siteHosts(snapshot) {
  return [...new Set([defaultHost(snapshot.tenant.slug), snapshot.tenant.domain].filter(Boolean))];
}

/**
 * nginx serves `<out>/_domains/<host>`: one link per host name of the site (its subdomain and its custom
 * domain), each swapped in with rename(2). A host the site no longer has (a changed domain) is unlinked.
 */
async function linkHosts(out, slug, hosts) {
  const folder = path.join(out, '_domains');
  await mkdir(folder, { recursive: true });
  const target = path.join('..', slug, 'live');
  for (const host of hosts) {
    const next = path.join(folder, `.${host}.${process.pid}`);
    await rm(next, { force: true });
    await symlink(target, next);
    await rename(next, path.join(folder, host));
  }
  for (const name of await readdir(folder)) {
    if (hosts.includes(name) || name.startsWith('.')) continue;
    const current = await readlink(path.join(folder, name)).catch(() => null);
    if (current === target) await rm(path.join(folder, name), { force: true });
  }
}

/** Findings with long lists cut short, so a build record stays small; the counts stay exact. */
function listed(checks) {
  const cut = (list) => list.slice(0, LISTED);
  return {
    pages: checks.pages,
    counts: {
      brokenLinks: checks.brokenLinks.length,
      untitled: checks.untitled.length,
      missingAlt: checks.missingAlt.length,
      spam: checks.spam.length,
      gamblingMentions: checks.gamblingMentions.length,
    },
    brokenLinks: cut(checks.brokenLinks),
    untitled: cut(checks.untitled),
    missingAlt: cut(checks.missingAlt),
    spam: cut(checks.spam),
    gamblingMentions: cut(checks.gamblingMentions),
  };
}

async function prune(folder, keep) {
  const builds = (await readdir(folder)).sort();
  for (const old of builds.slice(0, Math.max(0, builds.length - keep)))
    await rm(path.join(folder, old), { recursive: true, force: true });
}
