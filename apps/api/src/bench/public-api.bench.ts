import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startApi } from './api-process';
import { benchDatabase, freePort } from './bench-database';
import { countFromEnv, recordGoals } from './goals';
import { seedNews } from './seed-news';
import { measureStaleness } from './staleness';

/**
 * `pnpm bench`: the public read API against a bare Node + pg server on the same PostgreSQL.
 * One tenant with 5,000 published news items (~600 words) among 50 tenants; 32 connections, 10 s each
 * after a 3 s warm-up; the public news list (page 1, 20 items with bodies) and one item by slug.
 */
const CONNECTIONS = 32;
const SECONDS = countFromEnv('LAMAN_BENCH_SECONDS', 10) || 10;
const REPORT = path.resolve(__dirname, '../../../../reports/bench-public-api.json');

interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  bytes: number;
  non2xx: number;
}

async function measure(url: string): Promise<Measure> {
  await autocannon({ url, connections: CONNECTIONS, duration: 3 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const sample = await fetch(url);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: (await sample.arrayBuffer()).byteLength,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const database = await benchDatabase();
  const children: ChildProcess[] = [];
  try {
    console.log('Seeding 50 tenants, 5,000 news items of ~600 words in one of them…');
    const seeded = await seedNews(database.superuserUrl, 50, 5000);

    const api = await startApi(database);
    children.push(api.child);
    const apiBase = `${api.url}/api/v1/public/${seeded.slug}`;

    const barePort = await freePort();
    const bare = fork(
      path.resolve(__dirname, 'bare-server.js'),
      [database.superuserUrl, String(barePort), seeded.tenantId],
      { stdio: 'inherit' },
    );
    children.push(bare);
    await new Promise((resolve) => bare.once('message', resolve));
    const bareBase = `http://127.0.0.1:${barePort}`;

    const rows = {
      'Laman API: news list (20 with bodies)': await measure(`${apiBase}/content?type=berita`),
      'Laman API: one item by slug': await measure(`${apiBase}/content/berita/${seeded.itemSlug}`),
      'bare Node + pg: news list': await measure(`${bareBase}/list`),
      'bare Node + pg: one item': await measure(`${bareBase}/item?slug=${seeded.itemSlug}`),
    };
    const [apiList, apiItem, bareList, bareItem] = Object.values(rows) as [
      Measure,
      Measure,
      Measure,
      Measure,
    ];
    console.log(
      `\nPublic read API, ${CONNECTIONS} connections, ${SECONDS} s after 3 s warm-up (2 cores shared by server, database and load):`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(rows).map(([name, m]) => [
          name,
          {
            'req/s': m.requestsPerSecond,
            'p50 ms': m.p50,
            'p99 ms': m.p99,
            bytes: m.bytes,
            'non-2xx': m.non2xx,
          },
        ]),
      ),
    );
    const ratios = {
      list: +(apiList.requestsPerSecond / bareList.requestsPerSecond).toFixed(2),
      item: +(apiItem.requestsPerSecond / bareItem.requestsPerSecond).toFixed(2),
    };
    console.log(
      `Ratio Laman/bare: list ${ratios.list}×, item ${ratios.item}× (goal: ≥ 1.5×). Peers measured here: Strapi 5 ≈115 req/s list, ≈420 req/s item.`,
    );

    // A second instance on the same database, as behind a load balancer: how stale can either be?
    const second = await startApi(database);
    children.push(second.child);
    const itemPath = `/api/v1/public/${seeded.slug}/content/berita/${seeded.itemSlug}`;
    const staleness = await measureStaleness({
      superuserUrl: database.superuserUrl,
      tenantId: seeded.tenantId,
      itemSlug: seeded.itemSlug,
      itemUrls: [api.url, second.url].map((url) => `${url}${itemPath}`),
      loadUrls: [api.url, second.url].map((url) => `${url}/api/v1/public/${seeded.slug}/content?type=berita`),
      changes: 40,
      everyMs: 200,
    });
    console.log(
      `Staleness on instances that did not make the change (two API processes, ${staleness.changes} changes every 200 ms ` +
        `under load, ${staleness.replies} replies): worst ${staleness.worstMs.join(' ms and ')} ms (goal ≤ 250 ms).`,
    );
    const worst = Math.max(...staleness.worstMs);
    recordGoals('public-api', [
      {
        figure: 'public news list, Laman ÷ bare server',
        value: `${ratios.list}×`,
        goal: '≥ 1.5×',
        met: ratios.list >= 1.5,
      },
      {
        figure: 'public item by slug, Laman ÷ bare server',
        value: `${ratios.item}×`,
        goal: '≥ 1.5×',
        met: ratios.item >= 1.5,
      },
      {
        figure: 'worst staleness on another instance',
        value: `${worst} ms`,
        goal: '≤ 250 ms',
        met: worst <= 250,
      },
    ]);
    mkdirSync(path.dirname(REPORT), { recursive: true });
    writeFileSync(
      REPORT,
      JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, rows, ratios, staleness }, null, 2),
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
