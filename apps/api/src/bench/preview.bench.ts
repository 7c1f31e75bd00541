import { createAppDataSource } from '../app-data-source';
import { DirectorySeeder } from '../demo/directory-seeder';
import { startApi } from './api-process';
import { recordGoals } from './goals';
import { benchDatabase } from './bench-database';

/**
 * `pnpm bench` (previews): how long an editor waits for Pratinjau on an idle API, and while a contributor of
 * the same OPD floods it with 12 previews at once. The queue renders two at a time, one per person, and lets a
 * person wait with one request only, so the editor should wait at most about one render more.
 */
const RUNS = 3;
const FLOOD = 12;
const PASSWORD = 'Bench-Password-2026';

async function main(): Promise<void> {
  const database = await benchDatabase();
  // The flood's 429s are expected: keep them out of the output.
  const api = await startApi(database, { LOG_LEVEL: 'error' });
  try {
    const dataSource = await createAppDataSource({ url: database.appUrl, poolSize: 1 }).initialize();
    const seeder = new DirectorySeeder(dataSource);
    const tenant = await seeder.tenant({
      slug: 'dinas-pratinjau',
      name: 'Dinas Pratinjau',
      shortName: 'Pratinjau',
      kind: 'dinas',
    });
    for (const [email, role] of [
      ['editor@bench.example', 'editor'],
      ['kontributor@bench.example', 'contributor'],
    ] as const) {
      await seeder.member(tenant, await seeder.user({ email, name: role, password: PASSWORD }), role);
    }
    await dataSource.destroy();
    const editor = await signIn(api.url, 'editor@bench.example');
    const contributor = await signIn(api.url, 'kontributor@bench.example');
    const editorsDraft = await draft(api.url, tenant.slug, editor, 'Pratinjau editor');
    const floodedDraft = await draft(api.url, tenant.slug, contributor, 'Banjir pratinjau');
    const preview = (token: string, id: string) => timedPreview(api.url, tenant.slug, token, id);

    await preview(editor, editorsDraft); // warm the theme once
    const idle: number[] = [];
    for (let run = 0; run < RUNS; run++) idle.push((await preview(editor, editorsDraft)).ms);
    const flooded: number[] = [];
    const refused: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const flood = Array.from({ length: FLOOD }, () => preview(contributor, floodedDraft));
      await new Promise((resolve) => setTimeout(resolve, 100));
      flooded.push((await preview(editor, editorsDraft)).ms);
      refused.push((await Promise.all(flood)).filter((answer) => answer.status === 429).length);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(
      `\nPratinjau for one editor (${RUNS} runs; the flood is ${FLOOD} previews at once from a contributor):`,
    );
    console.table({
      'idle API': { 'median ms': Math.round(median(idle)) },
      'during a flood': { 'median ms': Math.round(median(flooded)), 'flood answered 429': median(refused) },
      'ratio (flood ÷ idle)': { 'median ms': Math.round((median(flooded) / median(idle)) * 100) / 100 },
    });
    const ratio = median(flooded) / median(idle);
    recordGoals('preview', [
      {
        figure: "an editor's Pratinjau during a contributor's flood ÷ idle",
        value: `${ratio.toFixed(2)}×`,
        // The flood is queued behind one slot per person: the editor waits for at most one other render.
        goal: '≤ 2×',
        met: ratio <= 2,
      },
    ]);
  } finally {
    await api.stop();
    await database.stop();
  }
}

async function signIn(apiUrl: string, email: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function draft(apiUrl: string, slug: string, token: string, title: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/tenants/${slug}/content/berita`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      fields: {
        title,
        summary: 'Ringkasan.',
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Isi berita.' }] }],
        },
      },
    }),
  });
  if (response.status !== 201) throw new Error(`draft failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function timedPreview(apiUrl: string, slug: string, token: string, id: string) {
  const started = performance.now();
  const response = await fetch(`${apiUrl}/api/v1/tenants/${slug}/content/items/${id}/preview`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
