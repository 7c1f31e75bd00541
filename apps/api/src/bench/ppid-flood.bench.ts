import autocannon from 'autocannon';
import { Client } from 'pg';
import { createDataSource } from '../core/database/data-source';
import { DirectorySeeder } from '../demo/directory-seeder';
import { TenantsRepository } from '../modules/tenants/tenants.repository';
import { startApi } from './api-process';
import { type BenchDatabase, benchDatabase } from './bench-database';
import { countFromEnv, recordGoals } from './goals';
import { insertNews, seedNews } from './seed-news';

/**
 * `pnpm bench`: the citizens' forms — the information request and the satisfaction survey — flooded from many
 * clients (each its own address, as behind the edge) while the public read API serves an OPD's news list: its
 * p99 with and without the flood, what the flood got of each form (taken within the limits, refused with 429),
 * and the time from a citizen's submit to the request showing in the PPID officer's queue. Forms carry no proof
 * of work (the stricter limit applies, as to a script).
 */
const SECONDS = countFromEnv('LAMAN_BENCH_SECONDS', 10) || 10;
const READERS = 32;
const FLOODERS = 16;
/** Officers reading their desk at once (the admin's API side). */
const DESK_READERS = 4;
const PASSWORD = 'Bench-Password-2026';

const form = {
  name: 'Warga Uji Beban',
  address: 'Jl. Uji Beban No. 1, Bandar Lampung',
  email: 'warga.uji@contoh.id',
  information: 'Informasi yang diminta dalam uji beban formulir',
  purpose: 'Uji beban formulir permohonan informasi',
  delivery: 'email',
};

/** Answers to the survey of the bench OPD's one service, all nine elements. */
const answers = {
  service: 'layanan-1',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, (i % 4) + 1])),
};

/** What each flooded form sends, and the status it answers when the form is taken. */
const FORMS = [
  { path: 'ppid/requests', body: form, taken: 201 },
  { path: 'surveys/responses', body: answers, taken: 204 },
] as const;

async function p99Of(url: string, connections = READERS, token?: string): Promise<number> {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  const result = await autocannon({ url, connections, duration: SECONDS, ...(headers ? { headers } : {}) });
  return result.latency.p99;
}

type Counts = Array<{ taken: number; refused: number }>;

/**
 * Sends forms from ever new addresses until `until`, half the flooders on each form: how many of each were
 * taken and how many refused.
 */
async function flood(api: string, slug: string, until: number): Promise<Counts> {
  const counts: Counts = FORMS.map(() => ({ taken: 0, refused: 0 }));
  let client = 0;
  await Promise.all(
    Array.from({ length: FLOODERS }, async (_, flooder) => {
      const which = flooder % FORMS.length;
      const { path, body, taken } = FORMS[which]!;
      while (Date.now() < until) {
        client++;
        const answer = await fetch(`${api}/api/v1/public/${slug}/${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
          },
          body: JSON.stringify(body),
        });
        await answer.arrayBuffer();
        if (answer.status === taken) counts[which]!.taken++;
        else counts[which]!.refused++;
      }
    }),
  );
  return counts;
}

/** One published service for the flooded OPD, as publishing would leave it. */
async function seedService(superuserUrl: string, slug: string): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
    await insertNews(client, rows[0], 1, 'layanan');
  } finally {
    await client.end();
  }
}

/** A PPID officer of `slug`, signed in: its access token. */
async function officerOf(api: string, database: BenchDatabase, slug: string): Promise<string> {
  const dataSource = await createDataSource({ url: database.appUrl, poolSize: 1 }).initialize();
  const seeder = new DirectorySeeder(dataSource);
  const tenant = (await dataSource.manager.transaction((manager) =>
    new TenantsRepository().findBySlug(manager, slug),
  ))!;
  const email = `ppid.${slug}@bench.example`;
  const user = await seeder.user({ email, name: 'PPID Uji', password: PASSWORD });
  await seeder.member(tenant, user, 'contributor', ['ppid_officer']);
  await dataSource.destroy();
  const login = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
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
    await seedService(database.superuserUrl, 'opd-1');
    const read = `${api.url}/api/v1/public/${seeded.slug}/content?type=berita`;
    // The admin's side: the flooded OPD's PPID officer reading the queue the flood lands in.
    const floodedOfficer = await officerOf(api.url, database, 'opd-1');
    const desk = `${api.url}/api/v1/tenants/opd-1/ppid/requests?open=true&limit=50`;
    await autocannon({ url: read, connections: READERS, duration: 3 });
    const [quiet, deskQuiet] = await Promise.all([p99Of(read), p99Of(desk, DESK_READERS, floodedOfficer)]);
    const until = Date.now() + SECONDS * 1000 + 500;
    const [flooded, deskFlooded, [requests, surveys]] = await Promise.all([
      p99Of(read),
      p99Of(desk, DESK_READERS, floodedOfficer),
      flood(api.url, 'opd-1', until),
    ]);
    const token = await officerOf(api.url, database, 'opd-2');
    const toQueue: number[] = [];
    for (let index = 1; index <= 5; index++)
      toQueue.push(await submitToQueue(api.url, 'opd-2', token, index));
    toQueue.sort((a, b) => a - b);
    const ratio = +(flooded / quiet).toFixed(2);
    const deskRatio = +(deskFlooded / deskQuiet).toFixed(2);
    const median = Math.round(toQueue[2]!);
    console.table({
      'public news list p99, quiet': { value: `${quiet} ms` },
      'public news list p99, forms flooded': { value: `${flooded} ms` },
      'PPID desk (the flooded OPD’s queue) p99, quiet': { value: `${deskQuiet} ms` },
      'PPID desk p99, forms flooded': { value: `${deskFlooded} ms` },
      'flood, information requests: sent / taken / refused (429)': {
        value: `${requests!.taken + requests!.refused} / ${requests!.taken} / ${requests!.refused}`,
      },
      'flood, survey answers: sent / taken / refused (429)': {
        value: `${surveys!.taken + surveys!.refused} / ${surveys!.taken} / ${surveys!.refused}`,
      },
      'submit → in the officer’s queue (median of 5)': { value: `${median} ms` },
    });
    recordGoals('ppid-flood', [
      {
        figure: 'public read p99 while the request and survey forms are flooded ÷ quiet',
        value: `${ratio}× (${flooded} ms vs ${quiet} ms)`,
        goal: '≤ 1.5×',
        met: ratio <= 1.5,
      },
      {
        figure: 'the flooded OPD’s PPID desk p99 while flooded ÷ quiet',
        value: `${deskRatio}× (${deskFlooded} ms vs ${deskQuiet} ms)`,
        goal: '≤ 1.5×',
        met: deskRatio <= 1.5,
      },
      {
        figure: 'flood requests taken of those sent (the per-OPD limit holds)',
        value: `${requests!.taken} of ${requests!.taken + requests!.refused}`,
        goal: '≤ 50 an hour for one OPD without the proof',
        met: requests!.taken <= 50,
      },
      {
        figure: 'flood survey answers taken of those sent (the per-OPD limit holds)',
        value: `${surveys!.taken} of ${surveys!.taken + surveys!.refused}`,
        goal: '≤ 300 an hour for one OPD without the proof',
        met: surveys!.taken <= 300,
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

// Exits when done: the flood's keep-alive sockets to the stopped API can hold the event loop open, and
// `pnpm bench` runs the next step only after this one ends.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
