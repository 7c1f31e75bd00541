import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../core/config/app-config';
import { createApp } from '../create-app';
import { ScheduledPublisher } from '../modules/content/scheduled-publisher';
import { DigestsService } from '../modules/digests/digests.service';
import { ScoreHistoryService } from '../modules/oversight/score-history.service';
import { digestWeek } from '../modules/digests/digest-text';
import { type ApiProcess, startApi } from './api-process';
import { type AlternatedP99, alternatedP99 } from './alternated-p99';
import { type CpuSplit, cpuSplit } from './cpu-split';
import { productionApiEnv } from './production-env';
import { type BenchDatabase, benchDatabase, superuserOn } from './bench-database';
import { signInMonitor } from './bench-users';
import { loadDashboard } from './dashboard-page';
import { rebuildThroughput, type RebuildThroughput } from './rebuild-throughput';
import { countFromEnv, type GoalRow, recordGoals } from './goals';
import { seedCity } from './seed-city';
import { seedNews } from './seed-news';

/**
 * `pnpm bench` (scale): a city grown to a province or a country. A database grows to `LAMAN_BENCH_SCALE_OPDS`
 * OPDs (default 2,000; 20,000 for the national run, with LAMAN_BENCH_SCALE_ITEMS=150: about 3 million items)
 * generated straight into it, beside a second database holding a 40-OPD city; both hold the same OPD with 200
 * news. Then, against production's topology — an API replica, and the scheduler process running the periodic
 * work every 15 s on a core of its own (startTopology) — the database's transactions per second while nobody
 * uses it, the scheduler's pass with 1 OPD in 100 due, the city portal's data, the monitors' dashboard, the
 * OPD's public p99 in both cities in alternating rounds, the database's size, and a theme rollout sampled
 * (LAMAN_BENCH_SCALE_REBUILD OPDs rebuilt into object storage: a worker's pace, the workers a one-hour rollout
 * needs, the bucket's size). Goals (issue 17): idle load < 20 transactions/s, every periodic pass < 1 s,
 * dashboard < 1 s, public p99 unchanged from 40 OPDs (≤ 1.2×).
 */
const OPDS = Math.max(40, countFromEnv('LAMAN_BENCH_SCALE_OPDS', 2000));
const ITEMS = Math.max(3, countFromEnv('LAMAN_BENCH_SCALE_ITEMS', 15));
const IDLE_SECONDS = 30;
/** OPDs rebuilt to measure a worker's pace and a site's size in the bucket. */
const REBUILD_SAMPLE = Math.max(2, countFromEnv('LAMAN_BENCH_SCALE_REBUILD', 10));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

/** A figure whose goal is under a second. */
function underSecond(figure: string, ms: number, value = `${ms} ms`): GoalRow {
  return { figure, value, goal: '< 1000 ms', met: ms < 1000 };
}

/**
 * Production's topology (docker-compose.yml, deploy/kubernetes): an API replica serving requests with no
 * periodic work, and the scheduler — the same program, serving nothing — running it every 15 s, on a core of
 * its own where the machine has two or more (cpu-split.ts).
 */
async function startTopology(
  database: BenchDatabase,
  env: Record<string, string>,
  cpus: CpuSplit | null,
): Promise<ApiProcess> {
  const api = await startApi(database, { ...env, SCHEDULER_INTERVAL_SECONDS: '0' }, cpus?.serving);
  const scheduler = await startApi(
    database,
    { ...env, SCHEDULER_INTERVAL_SECONDS: '15', MIGRATE_ON_START: 'false' },
    cpus?.scheduler,
  );
  return {
    ...api,
    stop: async () => {
      await api.stop();
      await scheduler.stop();
    },
  };
}

/** Polls one query on the bench database until its first row's `n` is `expected`, up to 10 minutes. */
async function untilCount(
  database: BenchDatabase,
  sql: string,
  params: unknown[],
  expected: number,
  what: string,
) {
  const client = await superuserOn(database);
  try {
    const deadline = Date.now() + 600_000;
    while ((await client.query(sql, params)).rows[0].n !== expected) {
      if (Date.now() > deadline) throw new Error(`${what}: not within 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}

/** Until every active OPD has a kept score that is still good (the score passes caught up). */
function untilAllScored(database: BenchDatabase): Promise<void> {
  return untilCount(
    database,
    `SELECT count(*)::int AS n FROM tenants t LEFT JOIN site_scores s ON s.about_tenant_id = t.id
      WHERE t.status = 'active' AND (s.about_tenant_id IS NULL OR s.content_version <> t.content_version
                                     OR s.changes_at <= now())`,
    [],
    0,
    'every OPD scored',
  );
}

/** Until this week's city digest is written: the last step of the weekly digest run. */
function untilDigestsSent(database: BenchDatabase): Promise<void> {
  return untilCount(
    database,
    `SELECT count(*)::int AS n FROM city_digests WHERE week = $1`,
    [digestWeek(new Date()).week],
    1,
    "this week's city digest",
  );
}

async function idleTransactionsPerSecond(database: BenchDatabase): Promise<number> {
  const client = await superuserOn(database);
  try {
    const count = async () =>
      Number(
        (
          await client.query(
            `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
          )
        ).rows[0].n,
      );
    await client.query('SELECT pg_stat_clear_snapshot()');
    const before = await count();
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    await client.query('SELECT pg_stat_clear_snapshot()');
    // Our own two reads are not the platform's.
    return Math.round((((await count()) - before - 2) / IDLE_SECONDS) * 10) / 10;
  } finally {
    await client.end();
  }
}

/**
 * The periodic passes, as one API instance runs them, over every OPD: the scheduler's (1 in 100 with an item
 * due, then nothing due), the day's scores (every OPD unscored today) and the week's digests (every OPD).
 */
async function periodicPasses(
  database: BenchDatabase,
  folder: string,
): Promise<{
  due: number;
  idle: number;
  visited: number;
  published: number;
  duePasses: number;
  idleVisited: number;
  scores: number;
  scored: number;
  scoresIdle: number;
  firstScoring: number;
  firstPasses: number;
  digests: number;
  digestsCity: number;
  digestsTotal: number;
  digestPasses: number;
}> {
  const app = await createApp(
    loadConfig(
      productionApiEnv(database, {
        MIGRATE_ON_START: 'false',
        LAMAN_MEDIA_DIR: path.join(folder, 'media'),
        LAMAN_SITES_DIR: path.join(folder, 'sites'),
      }),
    ),
  );
  try {
    // Passes until the due items are out (each pass stops when its turn is up), then one with nothing due.
    const scheduler = app.get(ScheduledPublisher);
    const due = await timed(() => scheduler.tick());
    let idle = await timed(() => scheduler.tick());
    let duePasses = 1;
    while (idle.value.tenantsVisited > 0) {
      due.ms = Math.max(due.ms, idle.ms);
      due.value.published += idle.value.published;
      due.value.tenantsVisited += idle.value.tenantsVisited;
      duePasses++;
      idle = await timed(() => scheduler.tick());
    }
    // First start: every OPD is scored once, a bounded batch per pass; then a pass after 1 OPD in 100
    // published something (their kept scores are due), and one with nothing due.
    const history = app.get(ScoreHistoryService);
    let firstPasses = 0;
    const firstScoring = await timed(async () => {
      while ((await history.recordDue()) > 0) firstPasses++;
    });
    await touchOneInHundred(database);
    const scores = await timed(() => history.recordDue());
    while ((await history.recordDue()) > 0);
    const scoresIdle = await timed(() => history.recordDue());
    // The week's digests, a batch of OPDs per pass until the city summary goes out: the slowest pass counts.
    // This week's are finished first (the API started next must find them done, so the idle load below is a
    // platform at rest; the 40-OPD baseline's API may have sent some); next week's are measured.
    const digestService = app.get(DigestsService);
    const allDigests = async (at: Date) => {
      let passCount = 0;
      let slowest = 0;
      let city = 0;
      const total = await timed(async () => {
        for (;;) {
          const pass = await timed(() => digestService.sendDue(at, true));
          passCount++;
          slowest = Math.max(slowest, pass.ms);
          if (pass.value.city) city = pass.ms;
          if (pass.value.city || pass.value.opd === 0) break;
        }
      });
      return { passes: passCount, slowest, city, total: total.ms };
    };
    await allDigests(new Date());
    const digests = await allDigests(new Date(Date.now() + 7 * 86_400_000));
    return {
      due: due.ms,
      idle: idle.ms,
      visited: due.value.tenantsVisited,
      published: due.value.published,
      duePasses,
      idleVisited: idle.value.tenantsVisited,
      scores: scores.ms,
      scored: scores.value,
      scoresIdle: scoresIdle.ms,
      firstScoring: firstScoring.ms,
      firstPasses,
      digests: digests.slowest,
      digestsCity: digests.city,
      digestsTotal: digests.total,
      digestPasses: digests.passes,
    };
  } finally {
    await app.close();
  }
}

/** A theme rollout's pace and the bucket's size, from the sample, for every OPD. */
function rolloutRows(rebuild: RebuildThroughput, opds: number): GoalRow[] {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const every = rebuild.everyOpd;
  return [
    underSecond(
      `the request to rebuild every active OPD (${every.opds}): one job, whatever their number`,
      every.requestMs,
      `${every.requestMs} ms (the worker queued their builds in ${(every.fanoutMs / 1000).toFixed(1)} s)`,
    ),
    {
      figure: `rebuild pace, one worker (${rebuild.live} of ${rebuild.sites} sites of ${ITEMS} items, full builds into object storage)`,
      value: `${rebuild.perWorkerHour} sites/hour (${(rebuild.ms / 1000).toFixed(1)} s)`,
      goal: '–',
      met: null,
    },
    {
      figure: `workers for a one-hour theme rollout of ${opds} OPDs`,
      value: `${Math.ceil(opds / Math.max(1, rebuild.perWorkerHour))}`,
      goal: '–',
      met: null,
    },
    {
      figure: 'object storage per site; for every OPD (from the sample)',
      value: `${megabytes(rebuild.perSiteBytes)}; ${megabytes(rebuild.perSiteBytes * opds)}`,
      goal: '–',
      met: null,
    },
  ];
}

/** One OPD in a hundred publishes something: its content version moves, as publishing moves it. */
async function touchOneInHundred(database: BenchDatabase): Promise<void> {
  const client = await superuserOn(database);
  try {
    await client.query(
      `UPDATE tenants SET content_version = content_version + 1 WHERE slug LIKE 'skala-%' AND right(slug, 2) = '07'`,
    );
  } finally {
    await client.end();
  }
}

/** One city read's time in ms, checked for success. */
async function cityRead(api: ApiProcess, route: string): Promise<number> {
  return (
    await timed(async () => {
      const response = await fetch(`${api.url}/api/v1/public/${route}`);
      if (!response.ok) throw new Error(`${route}: ${response.status}`);
      await response.arrayBuffer();
    })
  ).ms;
}

/**
 * The city portal's reads after a change in one OPD (every cache key moves), median of 5 for each: the front
 * page, and the last page of 1,000 of the directory and of the service catalogue (the deepest offsets).
 */
async function cityAfterChanges(api: ApiProcess, database: BenchDatabase): Promise<Record<string, number>> {
  const front = (await (await fetch(`${api.url}/api/v1/public/city`)).json()) as {
    totals: { opds: number; services: number };
  };
  const lastPage = (total: number) => Math.max(0, Math.floor((total - 1) / 1000) * 1000);
  const routes = {
    front: 'city',
    directory: `city/opd?limit=1000&offset=${lastPage(front.totals.opds)}`,
    services: `city/layanan?limit=1000&offset=${lastPage(front.totals.services)}`,
  };
  const client = await superuserOn(database);
  const times: Record<string, number[]> = { front: [], directory: [], services: [] };
  try {
    for (let change = 0; change < 5; change++) {
      const { rows } = await client.query(
        `UPDATE tenants SET content_version = content_version + 1 WHERE slug = 'skala-${change * 7}' RETURNING id`,
      );
      await client.query(`SELECT pg_notify('laman_site_changes', $1)`, [rows[0]?.id ?? '']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const [name, route] of Object.entries(routes)) times[name]!.push(await cityRead(api, route));
    }
  } finally {
    await client.end();
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

/** Everything the portal builder reads, page by page, as it does (scripts/city-snapshot.mjs). */
async function wholeCityRead(api: ApiProcess): Promise<number> {
  const started = performance.now();
  await cityRead(api, 'city');
  for (const route of ['city/opd', 'city/layanan']) {
    for (let offset = 0; ; offset += 1000) {
      const response = await fetch(`${api.url}/api/v1/public/${route}?limit=1000&offset=${offset}`);
      const page = (await response.json()) as { items: unknown[] };
      if (page.items.length < 1000) break;
    }
  }
  return Math.round(performance.now() - started);
}

function printRows(rows: GoalRow[]): void {
  console.table(
    rows.map(({ figure, value, goal, met }) => ({
      figure,
      value,
      goal,
      met: met === null ? '–' : met ? 'yes' : 'no',
    })),
  );
}

/**
 * The same OPD (200 news) in a 40-OPD city and in the grown one, each city in its own database on the same
 * server with its own API replica and scheduler, both brought to rest by the same passes first; then their
 * public p99 in alternating rounds (alternated-p99.ts).
 */
async function p99BesideSmallCity(
  large: { api: ApiProcess; slug: string; itemSlug: string },
  smallCity: { database: BenchDatabase; site: { slug: string; itemSlug: string } },
  folder: string,
  cpus: CpuSplit | null,
): Promise<AlternatedP99> {
  await periodicPasses(smallCity.database, path.join(folder, 'kota-40'));
  const env = { SCHEDULER_INTERVAL_SECONDS: '15', LAMAN_SITES_DIR: path.join(folder, 'kota-40', 'sites') };
  const api = await startTopology(smallCity.database, env, cpus);
  try {
    await untilAllScored(smallCity.database);
    await untilDigestsSent(smallCity.database);
    return await alternatedP99({ api, ...smallCity.site }, large);
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  const database = await benchDatabase();
  const smallDatabase = await database.sibling('kota40');
  const folder = await mkdtemp(path.join(tmpdir(), 'laman-scale-bench-'));
  const env = { SCHEDULER_INTERVAL_SECONDS: '15', LAMAN_SITES_DIR: path.join(folder, 'sites') };
  const cpus = cpuSplit();
  try {
    const site = await seedNews(database.superuserUrl, 40, 200);
    const smallCity = { database: smallDatabase, site: await seedNews(smallDatabase.superuserUrl, 40, 200) };
    console.log(`Seeding ${OPDS - 40} more OPDs of ${ITEMS} items each…`);
    const seeding = await timed(() => seedCity(database.superuserUrl, { opds: OPDS - 40, items: ITEMS }));
    const passes = await periodicPasses(database, folder);

    const api = await startTopology(database, env, cpus);
    try {
      // The day's scores and the week's digests were made above; the API finds them done (waited for, in
      // case a pass of its own is still finishing), so what follows is the load of a platform at rest.
      await untilAllScored(database);
      await untilDigestsSent(database);
      const idle = await idleTransactionsPerSecond(database);
      const cityCold = await cityRead(api, 'city');
      const city = await cityAfterChanges(api, database);
      const cityWhole = await wholeCityRead(api);
      const token = await signInMonitor(api.url, database);
      const dashboard = await timed(() => loadDashboard(api.url, token));
      const p99 = await p99BesideSmallCity({ api, ...site }, smallCity, folder, cpus);
      const client = await superuserOn(database);
      const sizes = await client.query(
        `SELECT pg_database_size(current_database()) AS bytes,
                (SELECT count(*) FROM published_content) AS items, (SELECT count(*) FROM tenants) AS opds`,
      );
      await client.end();
      const { bytes, items, opds } = sizes.rows[0] as { bytes: string; items: string; opds: string };
      const megabytes = Math.round(Number(bytes) / 1024 / 1024);

      console.log(
        `\nScale: ${opds} OPDs, ${Number(items).toLocaleString('en')} published items (seeded in ${(seeding.ms / 1000).toFixed(1)} s)`,
      );
      const rows: GoalRow[] = [
        {
          figure: `idle database load, ${opds} OPDs (periodic work on)`,
          value: `${idle} transactions/s`,
          goal: '< 20/s',
          met: idle < 20,
        },
        underSecond(
          `scheduler pass, ${passes.visited} OPDs due of ${opds}, slowest`,
          passes.due,
          `${passes.due} ms (${passes.published} published in ${passes.duePasses} passes)`,
        ),
        underSecond(
          'scheduler pass, nothing due',
          passes.idle,
          `${passes.idle} ms (${passes.idleVisited} OPDs visited)`,
        ),
        underSecond(
          `score pass, 1 OPD in 100 changed (${passes.scored} scored in its turn)`,
          passes.scores,
          `${passes.scores} ms (first scoring of every OPD: ${(passes.firstScoring / 1000).toFixed(1)} s in ${passes.firstPasses} passes, once)`,
        ),
        underSecond('score pass, nothing due', passes.scoresIdle, `${passes.scoresIdle} ms`),
        underSecond(
          'weekly digest pass (a batch of OPDs), slowest',
          passes.digests,
          `${passes.digests} ms (the city summary's pass: ${passes.digestsCity} ms; all ${opds} OPDs and the city: ${(passes.digestsTotal / 1000).toFixed(1)} s in ${passes.digestPasses} passes)`,
        ),
        underSecond(
          'city portal reads after a change, slowest (median of 5): front page, last directory page, last catalogue page',
          Math.max(city['front']!, city['directory']!, city['services']!),
          `${city['front']} / ${city['directory']} / ${city['services']} ms (first front: ${cityCold} ms; every page, as the portal builder reads them: ${cityWhole} ms)`,
        ),
        underSecond(
          'monitors’ dashboard (first page of 50 with the city summary, and their trends), 5 OPDs changed since the last score pass',
          dashboard.ms,
          `${dashboard.ms} ms (${Math.round(dashboard.value.bytes / 1024)} KB for ${dashboard.value.opds} OPDs)`,
        ),
        {
          figure: `public API p99, one OPD, against the same OPD in a 40-OPD city served beside it (median of ${p99.pairs} rounds each, alternated; scheduler ${cpus ? `on core ${cpus.scheduler}, API on ${cpus.serving}` : 'sharing the cores'})`,
          value: `${p99.large} ms (40 OPDs: ${p99.small} ms, ${p99.ratio.toFixed(2)}×; pairs of rounds ${p99.pairRatios.lowest}–${p99.pairRatios.highest}×)`,
          goal: '≤ 1.2× the 40-OPD city',
          met: p99.ratio <= 1.2,
        },
        { figure: 'database size', value: `${megabytes} MB`, goal: '–', met: null },
      ];
      // Printed before the rollout sample, so a failure there (after an hour of a national run) loses nothing.
      printRows(rows);
      console.log(`Rebuilding ${REBUILD_SAMPLE} OPDs into object storage (a theme rollout, sampled)…`);
      const step = Math.max(1, Math.floor((OPDS - 40) / REBUILD_SAMPLE));
      // The grown city's OPDs are skala-0 … skala-<OPDS − 41> (seedCity): the sample spreads over them.
      const sample = Array.from({ length: REBUILD_SAMPLE }, (_, index) => `skala-${index * step}`);
      const rollout = rolloutRows(
        await rebuildThroughput(database, api.url, path.join(folder, 'rebuild'), sample),
        Number(opds),
      );
      printRows(rollout);
      recordGoals('scale', [...rows, ...rollout]);
    } finally {
      await api.stop();
    }
  } finally {
    await database.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
