import autocannon from 'autocannon';
import { createDataSource } from '../core/database/data-source';
import { DirectorySeeder } from '../demo/directory-seeder';
import { TenantsRepository } from '../modules/tenants/tenants.repository';
import { startApi } from './api-process';
import { type BenchDatabase, benchDatabase } from './bench-database';
import { countFromEnv, recordGoals } from './goals';
import { seedNews } from './seed-news';

/**
 * `pnpm bench`: the citizens' request form flooded from many clients (each its own address, as behind the edge)
 * while the public read API serves an OPD's news list: its p99 with and without the flood, what the flood got
 * (taken within the limits, refused with 429), and the time from a citizen's submit to the request showing in
 * the PPID officer's queue. Forms carry no proof of work (the stricter limit applies, as to a script).
 */
const SECONDS = countFromEnv('LAMAN_BENCH_SECONDS', 10) || 10;
const READERS = 32;
const FLOODERS = 16;
const PASSWORD = 'Bench-Password-2026';

const form = {
  name: 'Warga Uji Beban',
  address: 'Jl. Uji Beban No. 1, Bandar Lampung',
  email: 'warga.uji@contoh.id',
  information: 'Informasi yang diminta dalam uji beban formulir',
  purpose: 'Uji beban formulir permohonan informasi',
  delivery: 'email',
};

async function p99Of(url: string): Promise<number> {
  const result = await autocannon({ url, connections: READERS, duration: SECONDS });
  return result.latency.p99;
}

/** Sends forms from ever new addresses until `until`: how many were taken and how many refused. */
async function flood(api: string, slug: string, until: number): Promise<{ taken: number; refused: number }> {
  let taken = 0;
  let refused = 0;
  let client = 0;
  await Promise.all(
    Array.from({ length: FLOODERS }, async () => {
      while (Date.now() < until) {
        client++;
        const answer = await fetch(`${api}/api/v1/public/${slug}/ppid/requests`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
          },
          body: JSON.stringify(form),
        });
        await answer.arrayBuffer();
        if (answer.status === 201) taken++;
        else refused++;
      }
    }),
  );
  return { taken, refused };
}

/** A PPID officer of `slug`, signed in: its access token. */
async function officerOf(api: string, database: BenchDatabase, slug: string): Promise<string> {
  const dataSource = await createDataSource({ url: database.appUrl, poolSize: 1 }).initialize();
  const seeder = new DirectorySeeder(dataSource);
  const tenant = (await dataSource.manager.transaction((manager) =>
    new TenantsRepository().findBySlug(manager, slug),
  ))!;
  const user = await seeder.user({ email: 'ppid@bench.example', name: 'PPID Uji', password: PASSWORD });
  await seeder.member(tenant, user, 'contributor', ['ppid_officer']);
  await dataSource.destroy();
  const login = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ppid@bench.example', password: PASSWORD }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** From a citizen's submit to the request in the officer's queue (the first page, open ones first). */
async function submitToQueue(api: string, slug: string, token: string, citizen: number): Promise<number> {
  const started = performance.now();
  const sent = await fetch(`${api}/api/v1/public/${slug}/ppid/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.255.255.${citizen}` },
    body: JSON.stringify(form),
  });
  if (sent.status !== 201) throw new Error(`request refused: HTTP ${sent.status} ${await sent.text()}`);
  const { code } = (await sent.json()) as { code: string };
  for (;;) {
    const queue = await fetch(`${api}/api/v1/tenants/${slug}/ppid/requests?open=true&limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await queue.json()) as { items: Array<{ code: string }> };
    if (items.some((item) => item.code === code)) return performance.now() - started;
  }
}

async function main(): Promise<void> {
  const database = await benchDatabase();
  const api = await startApi(database, { TRUST_PROXY: 'loopback', LOGIN_IP_LIMIT_PER_MINUTE: '1000000' });
  try {
    console.log('Seeding 50 OPDs, 2,000 news items in one of them…');
    const seeded = await seedNews(database.superuserUrl, 50, 2000);
    const read = `${api.url}/api/v1/public/${seeded.slug}/content?type=berita`;
    await autocannon({ url: read, connections: READERS, duration: 3 });
    const quiet = await p99Of(read);
    const until = Date.now() + SECONDS * 1000 + 500;
    const [flooded, floodResult] = await Promise.all([p99Of(read), flood(api.url, 'opd-1', until)]);
    const token = await officerOf(api.url, database, 'opd-2');
    const toQueue: number[] = [];
    for (let index = 1; index <= 5; index++)
      toQueue.push(await submitToQueue(api.url, 'opd-2', token, index));
    toQueue.sort((a, b) => a - b);
    const ratio = +(flooded / quiet).toFixed(2);
    const median = Math.round(toQueue[2]!);
    console.table({
      'public news list p99, quiet': { value: `${quiet} ms` },
      'public news list p99, forms flooded': { value: `${flooded} ms` },
      'flood: forms sent / taken / refused (429)': {
        value: `${floodResult.taken + floodResult.refused} / ${floodResult.taken} / ${floodResult.refused}`,
      },
      'submit → in the officer’s queue (median of 5)': { value: `${median} ms` },
    });
    recordGoals('ppid-flood', [
      {
        figure: 'public read p99 while the request form is flooded ÷ quiet',
        value: `${ratio}× (${flooded} ms vs ${quiet} ms)`,
        goal: '≤ 1.5×',
        met: ratio <= 1.5,
      },
      {
        figure: 'flood forms taken of those sent (the per-OPD limit holds)',
        value: `${floodResult.taken} of ${floodResult.taken + floodResult.refused}`,
        goal: '≤ 50 an hour for one OPD without the proof',
        met: floodResult.taken <= 50,
      },
      {
        figure: 'citizen submit → request in the officer’s queue (median)',
        value: `${median} ms`,
        goal: '≤ 1,000 ms',
        met: median <= 1000,
      },
    ]);
  } finally {
    api.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
