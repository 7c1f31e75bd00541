import { productionApiEnv, productionWorkerEnv } from './production-env';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startSitesServer } from '../bin/sites-server';
import { PasswordHasher } from '../modules/auth/password-hasher';
import { benchDatabase, freePort } from './bench-database';
import { countFromEnv, type GoalRow, recordGoals, sizesFromEnv } from './goals';
import { insertNews } from './seed-news';
import { measurePhone } from './phone-publish';

/**
 * `pnpm bench`: publish-to-live latency. A real API, a real site worker (warm builder) and a real static
 * server, as `pnpm start` runs them. For OPDs with 10, 100, 1,000 and 5,000 news items: the time from the
 * publish API call returning to the new article being served over HTTP, over several publishes; the floor
 * (a cold `astro build` of the same content in a fresh process, and a one-shot full build); rebuilding 40 OPDs of 100 items; and,
 * with those 40 OPDs in the city, publish-to-portal: the time until the new article is listed on the city
 * portal (its goal: the same as an OPD site's).
 */
const run = promisify(execFile);
// Any subset runs: LAMAN_BENCH_SITE_SIZES="" skips the sizes, LAMAN_BENCH_PHONE_RUNS=0 the phone,
// LAMAN_BENCH_REBUILD_TENANTS=0 the rebuild and portal.
const SIZES = sizesFromEnv('LAMAN_BENCH_SITE_SIZES', [10, 100, 1000, 5000]);
const PUBLISHES = countFromEnv('LAMAN_BENCH_PUBLISHES', 7) || 1;
const REBUILD_TENANTS = countFromEnv('LAMAN_BENCH_REBUILD_TENANTS', 40);
const PHONE_RUNS = countFromEnv('LAMAN_BENCH_PHONE_RUNS', 5);
/** Issue 16: tap Terbitkan on a phone, with a 12 MP photo → article served. */
const PHONE_GOAL_MS = 2500;
/** Publish-to-live goals (issue 16), by OPD size. */
const LIVE_GOAL_MS: Record<number, number> = { 1000: 1000, 5000: 2500 };
const PASSWORD = 'Bench-Password-2026';
const SITE_ROOT = path.resolve(__dirname, '../../../site');
const BUILDER = path.join(SITE_ROOT, 'scripts/build-site.mjs');
const REPORT = path.resolve(__dirname, '../../../../reports/bench-site-publish.json');

interface Env {
  api: string;
  sites: string;
  sitesPort: number;
  client: Client;
  passwordHash: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 300_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON answers of a benchmark client
async function json(url: string, init: RequestInit = {}, token?: string): Promise<any> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function createTenant(env: Env, slug: string, items: number): Promise<{ id: string; slug: string }> {
  const { rows } = await env.client.query(
    `INSERT INTO tenants (slug, name, short_name, kind) VALUES ($1, $2, $3, 'dinas') RETURNING id, slug`,
    [slug, `Dinas Uji ${slug}`, slug],
  );
  const tenant = rows[0] as { id: string; slug: string };
  await insertNews(env.client, tenant, items);
  await env.client.query(`UPDATE tenants SET last_published_at = now(), content_version = 1 WHERE id = $1`, [
    tenant.id,
  ]);
  return tenant;
}

async function signIn(
  env: Env,
  email: string,
  platformRole: string | null,
  tenantId?: string,
): Promise<string> {
  const { rows } = await env.client.query(
    `INSERT INTO users (email, name, password_hash, platform_role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [email, email, env.passwordHash, platformRole],
  );
  if (tenantId)
    await env.client.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'editor')`, [
      tenantId,
      rows[0].id,
    ]);
  const session = await json(`${env.api}/api/v1/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return session.accessToken as string;
}

/** Wall-clock time the last publish call returned: where the build's queue wait starts. */
let lastPublishReturnedAt = 0;

/** Publishes one news item; returns ms from the publish call returning until the article is served. */
async function publishAndWait(
  env: Env,
  slug: string,
  token: string,
  title: string,
  servedAt?: { url: string; text: string },
): Promise<number> {
  const content = `${env.api}/api/v1/tenants/${slug}/content`;
  const text = (value: string) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
  const draft = await json(
    `${content}/berita`,
    {
      method: 'POST',
      body: JSON.stringify({
        fields: { title, summary: 'Ringkasan.', body: { type: 'doc', content: [text(`Isi ${title}.`)] } },
      }),
    },
    token,
  );
  await json(
    `${content}/items/${draft.id}/publish`,
    { method: 'POST', body: JSON.stringify({ version: 1 }) },
    token,
  );
  const published = performance.now();
  lastPublishReturnedAt = Date.now();
  const url = servedAt?.url ?? `http://127.0.0.1:${env.sitesPort}/${slug}/berita/${draft.slug}/`;
  await waitFor(`${url} to be live`, async () => {
    const response = await fetch(url).catch(() => null);
    if (!response?.ok) return null;
    return !servedAt || (await response.text()).includes(servedAt.text) ? true : null;
  });
  return performance.now() - published;
}

/** The builder's summary line, the last JSON line of a build's log. */
function buildSummary(log: string | null | undefined): Record<string, number> {
  const line = String(log ?? '')
    .trim()
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith('{'));
  return line ? (JSON.parse(line) as Record<string, number>) : {};
}

/**
 * The builder's own timings of the tenant's latest live build (the summary line ending its log), and around
 * them: the wait from the publish call returning to the worker starting the build (`queueMs`) and the
 * worker's whole run (`workerMs`: recording the build, the builder, recording the outcome).
 */
async function lastBuildTimings(env: Env, tenantId: string): Promise<Record<string, number>> {
  // The page is served at the swap, a moment before the worker records the build as live.
  const rows = await waitFor('the build to be recorded', async () => {
    const found = await env.client.query(
      `SELECT log, started_at, duration_ms FROM site_builds
        WHERE tenant_id = $1 AND status = 'live' AND finished_at >= $2 ORDER BY started_at DESC LIMIT 1`,
      [tenantId, new Date(lastPublishReturnedAt)],
    );
    return found.rows.length > 0 ? found.rows : null;
  });
  return {
    ...buildSummary(rows[0]?.log),
    queueMs: new Date(rows[0]?.started_at).getTime() - lastPublishReturnedAt,
    workerMs: Number(rows[0]?.duration_ms ?? 0),
  };
}

/** `astro build` of the OPD's published snapshot in a fresh process: its build() call alone, in ms. */
async function coldAstroBuild(env: Env, slug: string): Promise<number> {
  const folder = mkdtempSync(path.join(tmpdir(), 'laman-astro-floor-'));
  try {
    const snapshot = path.join(folder, 'snapshot.json');
    writeFileSync(snapshot, await (await fetch(`${env.api}/api/v1/public/${slug}/snapshot`)).text());
    const timed = `import { build } from 'astro';
      const started = performance.now();
      await build({ root: process.cwd(), outDir: ${JSON.stringify(path.join(folder, 'out'))}, logLevel: 'error' });
      console.log(Math.round(performance.now() - started));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', timed], {
      cwd: SITE_ROOT,
      env: { ...process.env, LAMAN_SNAPSHOT_FILE: snapshot },
      maxBuffer: 16 * 1024 * 1024,
    });
    return Number(stdout.trim().split('\n').pop());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measureSize(env: Env, items: number) {
  const tenant = await createTenant(env, `bench-${items}`, items);
  const token = await signIn(env, `editor.${items}@bench.example`, null, tenant.id);
  const first = await publishAndWait(env, tenant.slug, token, `Berita pertama untuk ${items}`);
  const latencies: number[] = [];
  const phases: Array<Record<string, number>> = [];
  for (let index = 0; index < PUBLISHES; index++) {
    latencies.push(await publishAndWait(env, tenant.slug, token, `Berita baru ${index + 1} untuk ${items}`));
    phases.push(await lastBuildTimings(env, tenant.id));
  }
  // The floors: a plain one-shot build of the same content (cold Node, every page rendered, search index,
  // checks), and Astro's own static build of it in a fresh process.
  const scratch = mkdtempSync(path.join(tmpdir(), 'laman-floor-'));
  const started = performance.now();
  await run(process.execPath, [
    BUILDER,
    '--api',
    env.api,
    '--tenant',
    tenant.slug,
    '--out',
    scratch,
    '--full',
  ]);
  const floorWall = performance.now() - started;
  rmSync(scratch, { recursive: true, force: true });
  const floorAstro = await coldAstroBuild(env, tenant.slug);
  const median = (key: string) =>
    percentile(
      phases.map((phase) => phase[key] ?? 0),
      50,
    );
  return {
    items,
    pages:
      phases[0]?.['rendered'] !== undefined
        ? (phases[0]['rendered'] ?? 0) + (phases[0]['reused'] ?? 0)
        : null,
    firstBuildMs: Math.round(first),
    p50Ms: Math.round(percentile(latencies, 50)),
    p95Ms: Math.round(percentile(latencies, 95)),
    floorAstroBuildMs: floorAstro,
    floorOneShotMs: Math.round(floorWall),
    phasesMedianMs: Object.fromEntries(
      [
        'queueMs',
        'workerMs',
        'totalMs',
        'fetchMs',
        'buildMs',
        'reuseMs',
        'searchIndexMs',
        'searchSections',
        'searchPages',
        'searchLinkMs',
        'checksMs',
        'goLiveMs',
        'rendered',
        'reused',
      ].map((key) => [key, median(key)]),
    ),
  };
}

async function measureRebuild(env: Env) {
  const tenants: string[] = [];
  for (let index = 0; index < REBUILD_TENANTS; index++)
    tenants.push((await createTenant(env, `rebuild-${index}`, 100)).slug);
  const token = await signIn(env, 'platform@bench.example', 'platform_admin');
  const probeUrl = `${env.api}/api/v1/public/rebuild-0/content?type=berita`;
  const apiLatency = async (count: number) => {
    const samples: number[] = [];
    for (let index = 0; index < count; index++) {
      const started = performance.now();
      await fetch(probeUrl).then((response) => response.arrayBuffer());
      samples.push(performance.now() - started);
      await sleep(20);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), samples };
  };
  const idle = await apiLatency(100);
  /** Asks for a rebuild of every OPD and waits until `builds` rebuilds in all have ended. */
  const rebuildAll = async (builds: number) => {
    await json(
      `${env.api}/api/v1/admin/sites/rebuild`,
      { method: 'POST', body: JSON.stringify({ tenants }) },
      token,
    );
    await waitFor(
      'every rebuild',
      async () => {
        const { rows } = await env.client.query(
          `SELECT count(*)::int AS n FROM site_builds WHERE trigger = 'rebuild.requested' AND status IN ('live','failed','held')`,
        );
        return rows[0].n >= builds ? true : null;
      },
      1_800_000,
    );
  };
  // The OPDs' first builds (they are new here); the rebuild measured is of 40 sites that are live, as in
  // production (after a deploy, or to recover).
  const firstStarted = performance.now();
  await rebuildAll(tenants.length);
  const firstBuildsMs = Math.round(performance.now() - firstStarted);
  const started = performance.now();
  // The public API is sampled every 20 ms for as long as the rebuild runs.
  let rebuilding = true;
  const sampling = (async () => {
    const samples: number[] = [];
    while (rebuilding) samples.push(...(await apiLatency(1)).samples);
    return samples;
  })();
  await rebuildAll(2 * tenants.length);
  const totalMs = performance.now() - started;
  rebuilding = false;
  const samples = await sampling;
  const during = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  const phasesMedianMs = await rebuildPhases(env);
  return {
    tenants: tenants.length,
    itemsEach: 100,
    firstBuildsMs,
    totalMs: Math.round(totalMs),
    perTenantMs: Math.round(totalMs / tenants.length),
    apiIdleMs: { p50: Math.round(idle.p50 * 10) / 10, p99: Math.round(idle.p99 * 10) / 10 },
    apiDuringRebuildMs: { p50: Math.round(during.p50 * 10) / 10, p99: Math.round(during.p99 * 10) / 10 },
    phasesMedianMs,
  };
}

/** The builder's own phases of the rebuilds (the summary line ending each build's log), median per OPD. */
async function rebuildPhases(env: Env): Promise<Record<string, number>> {
  const { rows } = await env.client.query(
    `SELECT log, duration_ms FROM site_builds WHERE trigger = 'rebuild.requested' AND status = 'live'
      ORDER BY started_at DESC LIMIT 40`,
  );
  const summaries = rows.map((row: { log: string; duration_ms: number }): Record<string, number> => ({
    ...buildSummary(row.log),
    workerMs: Number(row.duration_ms),
  }));
  const keys = [
    'workerMs',
    'totalMs',
    'fetchMs',
    'buildMs',
    'searchIndexMs',
    'checksMs',
    'rendered',
    'checkedPages',
    'searchPages',
  ];
  return Object.fromEntries(
    keys.map((key) => [
      key,
      Math.round(
        percentile(
          summaries.map((summary) => summary[key] ?? 0),
          50,
        ),
      ),
    ]),
  );
}

/** Publish → listed on the city portal's latest news, with REBUILD_TENANTS OPDs in the city. */
async function measurePortal(env: Env) {
  const { rows } = await env.client.query(`SELECT id FROM tenants WHERE slug = 'rebuild-0'`);
  const token = await signIn(env, 'editor.portal@bench.example', null, rows[0].id);
  const url = `http://127.0.0.1:${env.sitesPort}/portal/berita/`;
  const latencies: number[] = [];
  for (let index = 0; index < PUBLISHES; index++) {
    const title = `Berita kota ${index + 1}`;
    latencies.push(await publishAndWait(env, 'rebuild-0', token, title, { url, text: title }));
  }
  return {
    tenants: REBUILD_TENANTS,
    p50Ms: Math.round(percentile(latencies, 50)),
    p95Ms: Math.round(percentile(latencies, 95)),
  };
}

async function logged<T>(what: string, step: () => Promise<T>): Promise<T> {
  console.log(what);
  const result = await step();
  console.log(JSON.stringify(result));
  return result;
}

function publishGoals(
  sizes: Array<Awaited<ReturnType<typeof measureSize>>>,
  rebuild: Awaited<ReturnType<typeof measureRebuild>> | null,
  portal: Awaited<ReturnType<typeof measurePortal>> | null,
): GoalRow[] {
  const rows: GoalRow[] = sizes.flatMap((size) => {
    const goal = LIVE_GOAL_MS[size.items];
    const ratio = size.p50Ms / size.floorAstroBuildMs;
    return [
      {
        figure: `publish → live p50, ${size.items} news items`,
        value: `${seconds(size.p50Ms)} s`,
        goal: goal ? `< ${seconds(goal)} s` : '–',
        met: goal ? size.p50Ms < goal : null,
      },
      {
        figure: `publish → live ÷ cold astro build, ${size.items} items`,
        value: `${ratio.toFixed(2)}×`,
        goal: goal ? '≤ 0.35×' : '–',
        met: goal ? ratio <= 0.35 : null,
      },
    ];
  });
  if (rebuild)
    rows.push(
      {
        figure: `rebuild ${rebuild.tenants} OPDs × ${rebuild.itemsEach} items`,
        value: `${seconds(rebuild.totalMs)} s`,
        goal: rebuild.tenants === 40 ? '< 30 s' : '–',
        met: rebuild.tenants === 40 ? rebuild.totalMs < 30_000 : null,
      },
      {
        figure: 'public API p99 while rebuilding',
        value: `${rebuild.apiDuringRebuildMs.p99} ms`,
        goal: '< 50 ms',
        met: rebuild.apiDuringRebuildMs.p99 < 50,
      },
    );
  if (portal)
    rows.push({ figure: 'publish → portal p50', value: `${seconds(portal.p50Ms)} s`, goal: '–', met: null });
  return rows;
}

async function main(): Promise<void> {
  const database = await benchDatabase();
  const children: ChildProcess[] = [];
  let sitesServer: Server | undefined;
  const sites = mkdtempSync(path.join(tmpdir(), 'laman-bench-sites-'));
  chmodSync(sites, 0o755);
  const client = new Client({ connectionString: database.superuserUrl });
  try {
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const apiEnv = productionApiEnv(database, {
      PORT: String(apiPort),
      LAMAN_API_URL: apiUrl,
      LAMAN_SITES_DIR: sites,
    });
    children.push(
      spawn(process.execPath, ['--max-semi-space-size=4', path.resolve(__dirname, '../main.js')], {
        env: apiEnv,
        stdio: 'inherit',
      }),
    );
    const api = apiUrl;
    await waitFor(
      'the API',
      async () => ((await fetch(`${api}/api/v1/health`).catch(() => null))?.ok ? true : null),
      30_000,
    );
    children.push(
      spawn(process.execPath, [path.resolve(__dirname, '../bin/site-worker.js')], {
        env: productionWorkerEnv(database, apiUrl, sites),
        stdio: 'inherit',
      }),
    );
    const sitesPort = await freePort();
    sitesServer = await startSitesServer(sites, sitesPort, '127.0.0.1');
    await client.connect();
    const env: Env = {
      api,
      sites,
      sitesPort,
      client,
      passwordHash: await new PasswordHasher().hash(PASSWORD),
    };

    const sizes = [];
    for (const items of SIZES) {
      console.log(`Publish-to-live with ${items} news items (${PUBLISHES} publishes)…`);
      const result = await measureSize(env, items);
      sizes.push(result);
      console.log(JSON.stringify(result));
    }
    const phone =
      PHONE_RUNS > 0
        ? await logged(
            `From a phone: a 12 MP photo, an article, Terbitkan (${PHONE_RUNS} runs)…`,
            async () => {
              const tenant = await createTenant(env, 'bench-phone', 100);
              const token = await signIn(env, 'editor.phone@bench.example', null, tenant.id);
              const folder = mkdtempSync(path.join(tmpdir(), 'laman-phone-'));
              try {
                return await measurePhone({ api, sitesPort, token, slug: tenant.slug, folder }, PHONE_RUNS);
              } finally {
                rmSync(folder, { recursive: true, force: true });
              }
            },
          )
        : null;
    const rebuild =
      REBUILD_TENANTS > 0
        ? await logged(`Rebuilding ${REBUILD_TENANTS} OPDs of 100 items each…`, () => measureRebuild(env))
        : null;
    const portal =
      REBUILD_TENANTS > 0
        ? await logged(`Publish-to-portal with ${REBUILD_TENANTS} OPDs (${PUBLISHES} publishes)…`, () =>
            measurePortal(env),
          )
        : null;

    console.log('\nPublish-to-live (publish call returned → new article served over HTTP), warm site worker');
    console.log(
      '| news items | pages | p50 | p95 | first build (full) | floor: cold `astro build` | floor: one-shot full build | p50 / astro build |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const size of sizes)
      console.log(
        `| ${size.items} | ${size.pages ?? '?'} | ${seconds(size.p50Ms)} s | ${seconds(size.p95Ms)} s | ${seconds(size.firstBuildMs)} s | ${seconds(size.floorAstroBuildMs)} s | ${seconds(size.floorOneShotMs)} s | ${(size.p50Ms / size.floorAstroBuildMs).toFixed(2)}× |`,
      );
    console.log("\nWhere the time goes (median of the builder's own timings per publish):");
    console.log(
      '| news items | queue wait | worker run | builder | snapshot | render pages | reuse pages | search index | checks | manifest, go live | pages rendered | pages reused |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const size of sizes) {
      const phase = size.phasesMedianMs;
      console.log(
        `| ${size.items} | ${phase['queueMs']} ms | ${phase['workerMs']} ms | ${phase['totalMs']} ms | ${phase['fetchMs']} ms | ${phase['buildMs']} ms | ${phase['reuseMs']} ms | ${phase['searchIndexMs']} ms | ${phase['checksMs']} ms | ${phase['goLiveMs']} ms | ${phase['rendered']} | ${phase['reused']} |`,
      );
    }
    if (rebuild && portal) {
      console.log(
        `\nRebuild of ${rebuild.tenants} OPDs × ${rebuild.itemsEach} items (background, niced): ${seconds(rebuild.totalMs)} s, ` +
          `${seconds(rebuild.perTenantMs)} s per OPD. Public API while rebuilding: p50 ${rebuild.apiDuringRebuildMs.p50} ms, ` +
          `p99 ${rebuild.apiDuringRebuildMs.p99} ms (idle: p50 ${rebuild.apiIdleMs.p50} ms, p99 ${rebuild.apiIdleMs.p99} ms). ` +
          `Per OPD (median, two at a time): ${JSON.stringify(rebuild.phasesMedianMs)}. ` +
          `Their first builds (new OPDs, nothing to reuse): ${seconds(rebuild.firstBuildsMs)} s.`,
      );
      const siteP50 = sizes.find((size) => size.items === 100)?.p50Ms ?? sizes[0]?.p50Ms;
      console.log(
        `\nPublish-to-portal (${portal.tenants} OPDs; publish call returned → article listed on the portal): ` +
          `p50 ${seconds(portal.p50Ms)} s, p95 ${seconds(portal.p95Ms)} s` +
          (siteP50
            ? `; ${(portal.p50Ms / siteP50).toFixed(2)}× an OPD site's p50 (${seconds(siteP50)} s).`
            : '.'),
      );
    } else console.log('\nRebuild and publish-to-portal skipped (LAMAN_BENCH_REBUILD_TENANTS=0).');
    if (phone)
      console.log(
        `\nFrom a phone (upload a 12 MP photo, save with it as the cover, publish → article served with it, 100-item OPD): ` +
          `p50 ${seconds(phone.p50Ms)} s, worst ${seconds(phone.worstMs)} s; image addresses on the page that did not answer: ${phone.missingImages}.`,
      );
    recordGoals('site-publish', [
      ...publishGoals(sizes, rebuild, portal),
      ...(phone
        ? [
            {
              figure: 'phone: tap Terbitkan → served (12 MP photo) p50',
              value: `${seconds(phone.p50Ms)} s`,
              goal: `< ${seconds(PHONE_GOAL_MS)} s`,
              met: phone.p50Ms < PHONE_GOAL_MS,
            },
            {
              figure: 'phone: image addresses on the page not served',
              value: String(phone.missingImages),
              goal: '0',
              met: phone.missingImages === 0,
            },
          ]
        : []),
    ]);
    mkdirSync(path.dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, JSON.stringify({ sizes, phone, rebuild, portal, publishes: PUBLISHES }, null, 2));
    console.log(`Report: ${REPORT}`);
  } finally {
    await client.end().catch(() => undefined);
    await new Promise((resolve) => (sitesServer ? sitesServer.close(resolve) : resolve(undefined)));
    for (const child of children) child.kill('SIGTERM');
    await sleep(500);
    await database.stop();
    rmSync(sites, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
