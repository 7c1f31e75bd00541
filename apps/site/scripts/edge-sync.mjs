#!/usr/bin/env node
// An edge's copy of every OPD site, kept in step with object storage (site-store.mjs): beside each edge nginx
// (one per host, as many as needed; a CDN may sit in front) this process polls the OPDs' live pointers and,
// for each one that changed, mirrors its build into the edge's own sites folder, laid out as site-folders.mjs
// describes — so nginx (deploy/nginx/nginx.conf.template) serves, rolls back, takes down and redirects exactly
// as with a shared disk:
//   node apps/site/scripts/edge-sync.mjs --out /srv/sites [--interval-ms 1000] [--once]
// Bucket settings from the environment: SITES_S3_BUCKET, S3_ENDPOINT, S3_REGION, SITES_S3_ACCESS_KEY_ID and
// SITES_S3_SECRET_ACCESS_KEY (a user that may only read the sites bucket will do), S3_FORCE_PATH_STYLE. Listing the pointers costs one request per 1,000 OPDs per pass.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { linkHosts, pruneSite, relink, retireFormerFolders } from './site-folders.mjs';
import { assertBuildId, mirrorBuild } from './site-mirror.mjs';
import { openSiteStore } from './site-store.mjs';

/** The page a suspended site answers with (503), where nginx looks for it (the API's SiteFolders writes the same). */
export const SUSPENDED_PAGE = '.laman-suspended.html';
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** A host name (or a former slug): letters, digits, dots and hyphens, never starting with a dot. */
const HOST = /^[a-z0-9][a-z0-9.-]{0,252}$/;

/** Makes this host's folder of one OPD what its pointer says: the build, or the suspension page, and its hosts. */
export async function applyPointer(store, out, slug, pointer) {
  // Names from the bucket become folders and links here: only a slug, a build id and host names pass.
  if (!SLUG.test(slug)) throw new Error(`not an OPD slug: ${slug}`);
  if (pointer.build) assertBuildId(pointer.build);
  for (const name of [...(pointer.hosts ?? []), ...(pointer.formerSlugs ?? [])])
    if (typeof name !== 'string' || !HOST.test(name)) throw new Error(`not a host or slug: ${name}`);
  const tenantDir = path.join(out, slug);
  await mkdir(tenantDir, { recursive: true });
  if (pointer.build && !(await mirrorBuild(store, { slug, tenantDir, build: pointer.build })))
    throw new Error(`build ${pointer.build} of ${slug} is not in the bucket`);
  const build = pointer.build ? path.join('builds', pointer.build) : null;
  if (pointer.suspended) {
    await mkdir(path.join(tenantDir, 'suspended'), { recursive: true });
    await writeFile(path.join(tenantDir, 'suspended', SUSPENDED_PAGE), pointer.suspendedPage ?? '');
    if (build) await relink(tenantDir, 'live.resume', build);
    await relink(tenantDir, 'live', 'suspended');
  } else {
    if (build) await relink(tenantDir, 'live', build);
    else await rm(path.join(tenantDir, 'live'), { force: true });
    await rm(path.join(tenantDir, 'live.resume'), { force: true });
    await rm(path.join(tenantDir, 'suspended'), { recursive: true, force: true });
  }
  await linkHosts(path.resolve(out), slug, pointer.hosts ?? [], pointer.formerSlugs ?? []);
  await retireFormerFolders(path.resolve(out), slug, pointer.formerSlugs ?? []);
  await pruneSite(tenantDir);
}

/** Polls the pointers; applies each one whose ETag moved since it was last applied here. */
export class EdgeSync {
  constructor(store, out, log = (entry) => console.error(JSON.stringify(entry))) {
    this.store = store;
    this.out = out;
    this.log = log;
    this.applied = new Map();
  }

  async pass() {
    let applied = 0;
    let failed = 0;
    for (const [slug, etag] of await this.store.pointers()) {
      if (this.applied.get(slug) === etag) continue;
      try {
        const pointer = await this.store.pointer(slug);
        if (pointer) await applyPointer(this.store, this.out, slug, pointer);
        this.applied.set(slug, etag);
        applied++;
      } catch (error) {
        // Left unapplied: the next pass tries again, and the OPD's site stays as it was meanwhile.
        failed++;
        this.log({ event: 'edge-sync-failed', slug, error: String(error?.message ?? error) });
      }
    }
    return { applied, failed };
  }
}

function storeFromEnvironment(env) {
  return openSiteStore({
    bucket: env.SITES_S3_BUCKET ?? 'laman-sites',
    region: env.S3_REGION ?? 'us-east-1',
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.SITES_S3_ACCESS_KEY_ID ?? env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.SITES_S3_SECRET_ACCESS_KEY ?? env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'interval-ms': { type: 'string', default: '1000' },
      once: { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    console.error('Usage: edge-sync.mjs --out DIR [--interval-ms 1000] [--once]');
    process.exit(2);
  }
  const sync = new EdgeSync(storeFromEnvironment(process.env), values.out);
  const interval = Number(values['interval-ms']);
  for (;;) {
    const started = Date.now();
    const result = await sync.pass().catch((error) => {
      console.error(
        JSON.stringify({ event: 'edge-sync-list-failed', error: String(error?.message ?? error) }),
      );
      return { applied: 0, failed: 1 };
    });
    if (result.applied)
      console.log(JSON.stringify({ event: 'edge-sync', ...result, ms: Date.now() - started }));
    if (values.once) process.exit(result.failed ? 1 : 0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, interval - (Date.now() - started))));
  }
}

// Not a top-level await: the API's tests load this module with require(esm), which refuses one.
if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
