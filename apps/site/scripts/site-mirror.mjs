// Moving builds between a host's sites folder and object storage (site-store.mjs). A worker uploads each build
// it makes (only files the bucket lacks) and, before building, fetches the live build when another worker made
// it, so every build stays incremental on any host. An edge (edge-sync.mjs) mirrors each OPD's pointer into its
// own folder, laid out exactly as a worker's (site-builder.mjs), so nginx serves it unchanged.
// Each mirrored build keeps its file list in `<slug>/listings/<id>.json`: files with the same content are hard
// links to an earlier build's, not downloads.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileOperations } from './hard-links.mjs';

/**
 * Every file of a build folder by its path, with the SHA-256 of its content, and how many files were read for it.
 * `base`: an earlier build on this host and its listing — a file that is the same inode as the base's file at
 * that path (the builder hard-links what a build reuses) has the base's hash, and is not read again.
 */
export async function hashFolder(dir, base) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  let hashed = 0;
  const hashes = await Promise.all(
    files.map((file) =>
      fileOperations(async () => {
        const known = base && (await linkedHash(path.join(dir, file), base, file));
        if (known) return known;
        hashed++;
        const hash = createHash('sha256');
        await pipeline(createReadStream(path.join(dir, file)), hash);
        return hash.digest('hex');
      }),
    ),
  );
  return { files: Object.fromEntries(files.map((file, index) => [file, hashes[index]])), hashed };
}

/** The base's hash of `file` when the file here is the very same inode as the base's, else null. */
async function linkedHash(here, base, file) {
  const hash = base.files[file];
  if (!hash) return null;
  const [mine, theirs] = await Promise.all([stat(here), stat(path.join(base.dir, file)).catch(() => null)]);
  return theirs && mine.ino === theirs.ino && mine.dev === theirs.dev ? hash : null;
}

/**
 * Uploads a finished build (its new files, then its listing with the builder's manifest); the pointer is not
 * touched. `base`: the listing of the build it started from, whose files the bucket holds already (and whose
 * hashes its hard-linked files here reuse).
 */
export async function uploadBuild(store, { slug, tenantDir, build, manifest = {}, base }) {
  const buildDir = path.join(tenantDir, 'builds', build);
  const baseDir = base?.build && path.join(tenantDir, 'builds', base.build);
  const linked = baseDir && existsSync(baseDir) ? { dir: baseDir, files: base.files } : undefined;
  const { files, hashed } = await hashFolder(buildDir, linked);
  const known = new Set(Object.values(base?.files ?? {}));
  const uploaded = await store.uploadFiles(slug, buildDir, files, known);
  const listing = { build, files, manifest };
  await store.putListing(slug, build, listing);
  await keepListing(tenantDir, listing);
  return { uploaded, hashed, files: Object.keys(files).length };
}

/** The listing of a build this host holds (built or mirrored here), or null. */
export async function localListing(tenantDir, build) {
  const file = path.join(tenantDir, 'listings', `${build}.json`);
  return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null;
}

/**
 * Makes `builds/<id>` of the pointer's build exist on this host, with its manifest: files another build here
 * already has are linked, the rest downloaded, all into a temporary folder renamed into place at the end (a
 * half-mirrored build is never seen). Returns false when the bucket has no such build.
 */
export async function mirrorBuild(store, { slug, tenantDir, build }) {
  assertBuildId(build);
  const target = path.join(tenantDir, 'builds', build);
  if (existsSync(target) && (await localListing(tenantDir, build))) return true;
  const listing = await store.listing(slug, build);
  if (!listing) return false;
  assertListing(listing);
  const have = await localFilesByHash(tenantDir);
  const partial = path.join(tenantDir, 'work', `mirror-${build}-${process.pid}`);
  await rm(partial, { recursive: true, force: true });
  try {
    await Promise.all(
      Object.entries(listing.files).map(([file, hash]) => {
        const into = path.join(partial, file);
        const local = have.get(hash);
        if (!local) return store.download(slug, hash, into);
        return fileOperations(async () => {
          await mkdir(path.dirname(into), { recursive: true });
          await link(local, into);
        });
      }),
    );
    await mkdir(path.join(tenantDir, 'manifests'), { recursive: true });
    await writeFile(path.join(tenantDir, 'manifests', `${build}.json`), JSON.stringify(listing.manifest));
    await rm(target, { recursive: true, force: true });
    await mkdir(path.dirname(target), { recursive: true });
    await rename(partial, target);
    await keepListing(tenantDir, listing);
    return true;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

async function keepListing(tenantDir, listing) {
  await mkdir(path.join(tenantDir, 'listings'), { recursive: true });
  await writeFile(
    path.join(tenantDir, 'listings', `${listing.build}.json`),
    JSON.stringify({ build: listing.build, files: listing.files }),
  );
}

/** Content this host holds already: hash → a file of a build here with that content. */
async function localFilesByHash(tenantDir) {
  const have = new Map();
  const listings = await readdir(path.join(tenantDir, 'listings')).catch(() => []);
  for (const name of listings) {
    const build = path.basename(name, '.json');
    const buildDir = path.join(tenantDir, 'builds', build);
    if (!existsSync(buildDir)) continue;
    const { files } = JSON.parse(await readFile(path.join(tenantDir, 'listings', name), 'utf8'));
    for (const [file, hash] of Object.entries(files)) have.set(hash, path.join(buildDir, file));
  }
  return have;
}

/** Build ids are the builder's millisecond timestamps: nothing else may name a folder. */
export function assertBuildId(build) {
  if (typeof build !== 'string' || !/^\d{1,20}$/.test(build)) throw new Error(`not a build id: ${build}`);
}

/**
 * What the bucket says is only written into this host's folder once every name in it is a plain path inside
 * the build and every hash a SHA-256: a listing naming `../` (written by anyone holding the bucket's write key)
 * must not reach another OPD's folder or the host links.
 */
function assertListing(listing) {
  for (const [file, hash] of Object.entries(listing.files ?? {})) {
    const plain =
      typeof file === 'string' &&
      file.length > 0 &&
      !path.isAbsolute(file) &&
      !file.includes('\0') &&
      file.split(/[\\/]/).every((part) => part !== '' && part !== '.' && part !== '..');
    if (!plain) throw new Error(`listing names a file outside its build: ${JSON.stringify(file)}`);
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
      throw new Error(`listing names a file by a bad hash: ${JSON.stringify(hash)}`);
  }
}
