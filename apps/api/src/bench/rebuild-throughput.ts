import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { type BenchDatabase } from './bench-database';
import { signInPlatformUser } from './bench-users';
import { productionWorkerEnv, sitesInObjectStorage } from './production-env';
import { S3RVER_OBJECT, startS3Server } from './s3-server';

export interface RebuildThroughput {
  sites: number;
  live: number;
  ms: number;
  /** Sites one worker rebuilds in an hour, at this pace. */
  perWorkerHour: number;
  /** The bucket's bytes after the sample's builds, and per site. */
  bucketBytes: number;
  perSiteBytes: number;
  /** `POST /admin/sites/rebuild` for every active OPD: the request, and the worker turning its job into builds. */
  everyOpd: { opds: number; requestMs: number; fanoutMs: number };
}

const WORKER = path.resolve(__dirname, '../bin/site-worker.js');

/**
 * A theme rollout, sampled: `slugs` rebuilt in full by one site worker (its background builders) into object
 * storage (an S3 server in this process), as `POST /admin/sites/rebuild` asks. Gives one worker's pace, and
 * what a site takes in the bucket.
 */
export async function rebuildThroughput(
  database: BenchDatabase,
  apiUrl: string,
  folder: string,
  slugs: string[],
): Promise<RebuildThroughput> {
  const s3 = await startS3Server(path.join(folder, 's3'), 'laman-sites');
  const client = new Client({ connectionString: database.superuserUrl });
  await client.connect();
  // Only the sample's builds: what the scheduler's passes queued earlier is not part of the rollout.
  await client.query(
    `DELETE FROM pgboss.job WHERE name IN ('site-build', 'portal-build') AND state = 'created'`,
  );
  await mkdir(path.join(folder, 'worker'), { recursive: true });
  const worker = spawn(process.execPath, [WORKER], {
    env: productionWorkerEnv(database, apiUrl, path.join(folder, 'worker'), sitesInObjectStorage(s3.env)),
    stdio: 'inherit',
  });
  try {
    const token = await signInPlatformUser(apiUrl, database, 'platform_admin');
    const everyOpd = await rebuildEveryOpd(client, apiUrl, token);
    // The rollout's own builds from here: what the fan-out queued is dropped, and builds it started are not counted.
    await client.query(`DELETE FROM pgboss.job WHERE name = 'site-build' AND state = 'created'`);
    const started = performance.now();
    const since = new Date();
    await askRebuild(apiUrl, token, { tenants: slugs });
    const ended = await untilRebuilt(client, slugs.length, since);
    const ms = Math.round(performance.now() - started);
    await stopped(worker);
    const bucketBytes = await storedBytes(s3.directory);
    return {
      sites: slugs.length,
      live: ended.live,
      ms,
      perWorkerHour: Math.round((slugs.length / ms) * 3_600_000),
      bucketBytes,
      perSiteBytes: Math.round(bucketBytes / Math.max(1, ended.live)),
      everyOpd,
    };
  } finally {
    await stopped(worker);
    await client.end();
    await s3.close();
  }
}

/** Stops the worker (SIGTERM) and waits for it to exit; a worker already gone is left as it is. */
async function stopped(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  await new Promise((resolve) => (worker.once('exit', resolve), worker.kill('SIGTERM')));
}

async function askRebuild(apiUrl: string, token: string, body: object): Promise<{ queued: string[] }> {
  const asked = await fetch(`${apiUrl}/api/v1/admin/sites/rebuild`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (asked.status !== 202) throw new Error(`rebuild refused: HTTP ${asked.status}`);
  return (await asked.json()) as { queued: string[] };
}

/** Asks for every OPD's rebuild (one job), and waits for the worker to have queued them all. */
async function rebuildEveryOpd(
  client: Client,
  apiUrl: string,
  token: string,
): Promise<RebuildThroughput['everyOpd']> {
  const started = performance.now();
  const { queued } = await askRebuild(apiUrl, token, {});
  const requestMs = Math.round(performance.now() - started);
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const { rows } = await client.query(
      `SELECT extract(epoch FROM completed_on - created_on) * 1000 AS ms FROM pgboss.job
        WHERE name = 'site-rebuild-all' AND state = 'completed' ORDER BY created_on DESC LIMIT 1`,
    );
    if (rows[0]) return { opds: queued.length, requestMs, fanoutMs: Math.round(Number(rows[0].ms)) };
    if (Date.now() > deadline) throw new Error('rebuild of every OPD: not queued after 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function untilRebuilt(client: Client, count: number, since: Date): Promise<{ live: number }> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const { rows } = await client.query(
      `SELECT count(*) FILTER (WHERE status = 'live')::int AS live,
              count(*) FILTER (WHERE status IN ('live', 'failed', 'held'))::int AS ended
         FROM site_builds WHERE trigger = 'rebuild.requested' AND started_at >= $1`,
      [since],
    );
    if (rows[0].ended >= count) return { live: rows[0].live };
    if (Date.now() > deadline) throw new Error(`rebuild: ${rows[0].ended} of ${count} after 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The bucket's bytes. The in-process S3 server can fail a listing while a file under it is being replaced
 * (a 500): the listing is asked again, a few times.
 */
/**
 * The bytes the bucket holds, summed from the S3 server's own folder once nothing writes to it: the in-process
 * server lists by walking its whole folder for every page of a thousand keys, which at a national bucket failed
 * (500 on every attempt) where a real S3 or MinIO lists fine.
 */
async function storedBytes(directory: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(S3RVER_OBJECT))
      bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}
