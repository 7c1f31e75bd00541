// The site worker's warm builder: a long-lived child process that keeps Astro, Vite and Pagefind loaded, so a
// publish does not pay Node's and Astro's start-up (about 2.7 s) on every build. It takes one request at a
// time over IPC ({ id, api, tenant, out, full }, or { id, api, out, portal: true } for the city portal) and
// answers { id, outcome: 'live' | 'held' | 'failed', summary, error }. Before a site goes live it asks its
// worker ({ ask, goLive: tenant } → { ask, mayGoLive }) whether the build's job is still the worker's own.
// It dies with its worker: on the IPC channel's end, and if its parent is gone (a `kill -9` of the worker must
// not leave an orphan that makes its build live while another worker's retry of the same site runs).
import path from 'node:path';
import { IdlePruning } from './idle-pruning.mjs';
import { buildPortal } from './portal-builder.mjs';
import { BuildHeld, buildSite } from './site-builder.mjs';
import { KEEP, pruneSite, STALE_MS } from './site-folders.mjs';
import { openSiteStore } from './site-store.mjs';

const worker = process.ppid;
process.on('disconnect', () => process.exit(0));
setInterval(() => {
  if (process.ppid !== worker || !process.connected) process.exit(0);
}, 250).unref();

// Each build's bundle stays in Node's module cache (ES modules cannot be unloaded), so the service retires
// itself after a number of builds or past a memory bound; the worker starts a fresh one for the next build.
const MAX_BUILDS = 50;
const MAX_RSS_BYTES = 1.5 * 1024 ** 3;
/** A worker that does not answer "may this go live?" in this long is treated as a no. */
const ANSWER_MS = 15_000;
let builds = 0;
/** The bucket of the last request (the worker sends the same settings with every build), pruned with the disk. */
let bucket = null;
const pruning = new IdlePruning(async (tenantDir) => {
  await pruneSite(tenantDir);
  await bucket?.prune(path.basename(tenantDir), KEEP, STALE_MS);
}, KEEP + 4);
const asked = new Map();
let nextAsk = 1;

/**
 * Whether the worker still holds this build's job (false without an answer: nothing goes live by default). With
 * object storage, `publication` ({ build, hosts, formerSlugs }) is what the worker then makes the OPD's pointer.
 */
function workerAllows(tenant, publication) {
  return new Promise((resolve) => {
    if (!process.connected) return resolve(false);
    const ask = nextAsk++;
    const timer = setTimeout(() => (asked.delete(ask), resolve(false)), ANSWER_MS);
    asked.set(ask, (allowed) => (clearTimeout(timer), asked.delete(ask), resolve(allowed === true)));
    process.send({ ask, goLive: tenant, publication });
  });
}

async function build(request) {
  if (!request.portal) pruning.started();
  if (request.store && !bucket) bucket = openSiteStore(request.store);
  try {
    const summary = request.portal
      ? await buildPortal({
          ...request,
          mayGoLive: (publication) => workerAllows('portal', publication),
        })
      : await buildSite({
          ...request,
          pruneLater: true,
          mayGoLive: (publication) => workerAllows(request.tenant, publication),
        });
    process.send({ id: request.id, outcome: 'live', summary });
  } catch (error) {
    if (error instanceof BuildHeld) process.send({ id: request.id, outcome: 'held', summary: error.summary });
    else
      process.send({
        id: request.id,
        outcome: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
  }
  if (!request.portal) await pruning.finished(path.resolve(request.out, request.tenant));
  // The portal builds in the background already: its old builds leave the bucket right away.
  else await bucket?.prune('portal', KEEP, STALE_MS).catch(() => undefined);
  builds += 1;
  if (builds >= MAX_BUILDS || process.memoryUsage().rss > MAX_RSS_BYTES) {
    await pruning.flush();
    process.disconnect();
  }
}

process.on('message', (message) => {
  if (message.ask !== undefined) asked.get(message.ask)?.(message.mayGoLive);
  else void build(message);
});

process.send({ ready: true });
