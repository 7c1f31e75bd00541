// The site worker's warm builder: a long-lived child process that keeps Astro, Vite and Pagefind loaded, so a
// publish does not pay Node's and Astro's start-up (about 2.7 s) on every build. It takes one request at a
// time over IPC ({ id, api, tenant, out, full }, or { id, api, out, portal: true } for the city portal) and answers { id, outcome: 'live' | 'held' | 'failed', summary,
// error }. It exits when its worker goes away.
import path from 'node:path';
import { IdlePruning } from './idle-pruning.mjs';
import { buildPortal } from './portal-builder.mjs';
import { BuildHeld, buildSite, KEEP, pruneSite } from './site-builder.mjs';

process.on('disconnect', () => process.exit(0));

// Each build's bundle stays in Node's module cache (ES modules cannot be unloaded), so the service retires
// itself after a number of builds or past a memory bound; the worker starts a fresh one for the next build.
const MAX_BUILDS = 50;
const MAX_RSS_BYTES = 1.5 * 1024 ** 3;
let builds = 0;
const pruning = new IdlePruning(pruneSite, KEEP + 4);

process.on('message', async (request) => {
  if (!request.portal) pruning.started();
  try {
    const summary = request.portal
      ? await buildPortal(request)
      : await buildSite({ ...request, pruneLater: true });
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
  builds += 1;
  if (builds >= MAX_BUILDS || process.memoryUsage().rss > MAX_RSS_BYTES) {
    await pruning.flush();
    process.disconnect();
  }
});

process.send({ ready: true });
