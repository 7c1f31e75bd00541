// The sites folder of a host (a worker's, an edge's, or the one `pnpm start` serves):
//   <slug>/builds/<id>/          a build (the last few kept), with manifests/<id>.json once it finished and,
//                                with object storage, listings/<id>.json (its files by content, site-mirror.mjs)
//   <slug>/live → builds/<id>    swapped with rename(2): readers see the old site or the new one
//   <slug>/live.resume           while suspended (live → suspended/): the build reactivation brings back
//   _domains/<host> → ../<slug>/live   one per host name of a site: what nginx serves
// No Astro here: the edge (edge-sync.mjs) uses this without the theme.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';

export const KEEP = 3;
/** Leftovers of a builder that died mid-build are removed once they are this old. */
export const STALE_MS = 15 * 60_000;

export async function removeStale(folder) {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const { mtimeMs } = await stat(full).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > STALE_MS) await rm(full, { recursive: true, force: true });
  }
}

/** Points `<dir>/live` at `builds/<id>` with one rename(2): readers see the old build or the new one. */
export async function goLive(dir, buildId) {
  // A suspended OPD's site stays down (the API pointed `live` at its suspension page): a build that finishes
  // meanwhile becomes what reactivation brings back, not what citizens see now.
  const suspended = (await readlink(path.join(dir, 'live')).catch(() => null)) === 'suspended';
  await relink(dir, suspended ? 'live.resume' : 'live', path.join('builds', buildId));
}

/** Points the link `name` in `dir` at `target` with one rename(2): readers see the old target or the new. */
export async function relink(dir, name, target) {
  if ((await readlink(path.join(dir, name)).catch(() => null)) === target) return;
  const next = path.join(dir, `.${name}.${process.pid}.${Date.now()}`);
  await symlink(target, next);
  await rename(next, path.join(dir, name));
}

/** The build citizens see, or (while suspended) the one reactivation brings back: never pruned. */
export async function liveBuild(tenantDir) {
  const live = await readlink(path.join(tenantDir, 'live')).catch(() => null);
  const target =
    live === 'suspended' ? await readlink(path.join(tenantDir, 'live.resume')).catch(() => null) : live;
  return target ? path.basename(target) : null;
}

/**
 * nginx serves `<out>/_domains/<host>`: one link per host name of the site (its subdomain and its custom
 * domain), each swapped in with rename(2). A host the site no longer has (a changed domain, or the address
 * under a former slug) is unlinked.
 */
export async function linkHosts(out, slug, hosts, formerSlugs) {
  const folder = path.join(out, '_domains');
  await mkdir(folder, { recursive: true });
  const target = path.join('..', slug, 'live');
  const ours = new Set([slug, ...formerSlugs].map((own) => path.join('..', own, 'live')));
  for (const host of hosts) {
    const next = path.join(folder, `.${host}.${process.pid}`);
    await rm(next, { force: true });
    await symlink(target, next);
    await rename(next, path.join(folder, host));
  }
  for (const name of await readdir(folder)) {
    if (hosts.includes(name) || name.startsWith('.')) continue;
    const current = await readlink(path.join(folder, name)).catch(() => null);
    if (ours.has(current)) await rm(path.join(folder, name), { force: true });
  }
}

/**
 * After a rename, a folder under an old slug would keep serving the old site to anything that reads sites by
 * folder: it becomes a link to the new one, which the local sites server answers with a 301 to the new address.
 */
export async function retireFormerFolders(out, slug, formerSlugs) {
  for (const former of formerSlugs) {
    const folder = path.join(out, former);
    if ((await readlink(folder).catch(() => null)) === slug) continue;
    const next = path.join(out, `.${former}.${process.pid}`);
    await rm(next, { force: true });
    await symlink(slug, next);
    await rm(folder, { recursive: true, force: true });
    await rename(next, folder);
  }
}

/**
 * Deletes an OPD site's builds but the newest few finished ones and the live one. A finished build has its
 * manifest (written just before it goes live); a folder without one is a build that died half-written: it never
 * counts among the kept (it would push out a rollback target) and goes once it is older than any build can run
 * (a younger one may be another worker's build in progress).
 */
export function pruneSite(tenantDir) {
  const finished = (build) => existsSync(path.join(tenantDir, 'manifests', `${build}.json`));
  return prune(tenantDir, KEEP, finished);
}

/** Keeps the newest finished builds and their manifests; never the one `live` points at (after a rollback, an older one). */
export async function prune(tenantDir, keep, finished = () => true) {
  const live = await liveBuild(tenantDir);
  const builds = (await readdir(path.join(tenantDir, 'builds'))).sort();
  const done = builds.filter(finished);
  const halfWritten = builds.filter((build) => !finished(build) && Date.now() - Number(build) > STALE_MS);
  for (const old of [...done.slice(0, Math.max(0, done.length - keep)), ...halfWritten]) {
    if (old === live) continue;
    await rm(path.join(tenantDir, 'builds', old), { recursive: true, force: true });
    await rm(path.join(tenantDir, 'manifests', `${old}.json`), { force: true });
    await rm(path.join(tenantDir, 'listings', `${old}.json`), { force: true });
  }
}
