#!/usr/bin/env node
// Builds one OPD's static site from the public read API and makes it live atomically:
//   node apps/site/scripts/build-site.mjs --api http://localhost:3000 --tenant disdukcapil --out .data/sites
// Layout: <out>/<tenant>/builds/<id>/ (the last three kept) and <out>/<tenant>/live → builds/<id> (a symlink,
// swapped with rename(2), so readers see the old site or the new one, never half of either).
// A failed fetch or build leaves `live` untouched and exits non-zero.
import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'astro';

const KEEP = 3;
const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: { api: { type: 'string' }, tenant: { type: 'string' }, out: { type: 'string' } },
});
if (!values.api || !values.tenant || !values.out) {
  console.error('Usage: build-site.mjs --api URL --tenant SLUG --out DIR');
  process.exit(2);
}

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

  const next = path.join(tenantDir, `live.${buildId}`);
  await symlink(path.join('builds', buildId), next);
  await rename(next, path.join(tenantDir, 'live'));
  await prune(path.join(tenantDir, 'builds'), KEEP);
  await rm(snapshotFile, { force: true });
  console.log(
    JSON.stringify({
      tenant: values.tenant,
      build: buildId,
      fetchMs: Math.round(fetched - started),
      buildMs: Math.round(built - fetched),
      totalMs: Math.round(performance.now() - started),
    }),
  );
} catch (error) {
  await rm(buildDir, { recursive: true, force: true });
  console.error(
    `Build of ${values.tenant} failed; the live site is unchanged: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}

async function prune(folder, keep) {
  const builds = (await readdir(folder)).sort();
  for (const old of builds.slice(0, Math.max(0, builds.length - keep)))
    await rm(path.join(folder, old), { recursive: true, force: true });
}
