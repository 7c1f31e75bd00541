import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { type FixturePost, wxrExport } from '../../src/bench/wxr-fixture';
import { LocalDiskStorage } from '../../src/modules/media/storage/local-disk.storage';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { ImportJobs } from '../../src/modules/wordpress-import/import-jobs';
import { eventually } from '../helpers/eventually';
import { type SignedIn } from '../helpers/given';
import { smallJpeg } from '../helpers/media-corpus';
import { asSuperuser } from '../helpers/superuser';
import { mediaDirOf, startTestApp, type TestApp } from '../helpers/test-app';

const BATCH = '/api/v1/admin/wordpress-imports';

interface CityImport {
  tenant: { id: string; slug: string; name: string };
  latest: null | {
    id: string;
    status: string;
    progress: { done: number; total: number } | null;
    notes: number;
    totals: Record<string, number>;
  };
}

/**
 * Moving a city's sites in at once: imports for many OPDs queued in one request — every file read first, all
 * refusals answered together by file name and then nothing queued or kept — run one after another by the queue,
 * and followed for the whole city on one page (every active OPD with its latest import, work in hand first).
 */
describe('WordPress imports for many OPDs: one request, one city-wide view', () => {
  let t: TestApp;
  let platform: SignedIn;

  const siteOf = (slug: string) => `https://${slug}.bandarlampungkota.go.id`;
  const posts = (count: number): FixturePost[] =>
    Array.from({ length: count }, (_, index) => ({
      id: index + 1,
      title: `Kabar dinas ${index + 1}`,
      date: `2021-03-${String(index + 1).padStart(2, '0')} 09:00:00`,
      content: `Isi kabar ${index + 1}.`,
    }));
  const exportFor = (slug: string, items: FixturePost[] = posts(2)) =>
    Buffer.from(wxrExport({ baseUrl: siteOf(slug), title: slug }, items));
  const send = (files: Array<[Buffer, string]>, fields: Record<string, string> = {}) => {
    let request = t.http().post(BATCH).set(platform.auth);
    for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
    for (const [content, name] of files) request = request.attach('files', content, name);
    return request;
  };
  const overview = async (
    query = '',
  ): Promise<{ items: CityImport[]; total: number; counts: Record<string, number> }> =>
    (await t.http().get(`${BATCH}${query}`).set(platform.auth)).body;
  const runsOf = async (tenants: Tenant[]) =>
    (
      await asSuperuser<{ n: number }>(
        t.database,
        `SELECT count(*)::int AS n FROM wordpress_imports WHERE tenant_id = ANY($1)`,
        [tenants.map((tenant) => tenant.id)],
      )
    )[0]!.n;
  const stored = () => new LocalDiskStorage(mediaDirOf(t.database)).list('wordpress-imports/');
  const incoming = () => readdir(path.join(mediaDirOf(t.database), '.incoming')).catch(() => []);

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  it('queues none when one OPD already has an import waiting, and names it', async () => {
    const [waiting, fresh] = [await t.given.tenant(), await t.given.tenant()];
    // No process takes jobs yet (the next test starts the queue): the first import stays waiting.
    const first = await send([[exportFor(waiting.slug), `${waiting.slug}.xml`]]);
    expect(first.status).toBe(202);
    const stillWaiting = await stored();
    const second = await send([
      [exportFor(fresh.slug), `${fresh.slug}.xml`],
      [exportFor(waiting.slug), `${waiting.slug}.xml`],
    ]);
    expect({ status: second.status, code: second.body.code }).toEqual({
      status: 409,
      code: 'IMPORT_ALREADY_QUEUED',
    });
    expect(second.body.message).toContain(waiting.slug);
    expect(await runsOf([fresh])).toBe(0);
    expect(await runsOf([waiting])).toBe(1);
    expect((await stored()).sort()).toEqual(stillWaiting.sort());
  });

  it('queues one import per OPD the files name, runs them in turn, and shows each with its progress', async () => {
    const [dishub, bpbd, dinkes] = [await t.given.tenant(), await t.given.tenant(), await t.given.tenant()];
    const untouched = await t.given.tenant();
    const photoPost: FixturePost[] = [
      {
        id: 50,
        type: 'attachment',
        title: 'Foto posko',
        attachmentUrl: `${siteOf(bpbd.slug)}/wp-content/uploads/2021/03/posko.jpg`,
        meta: { _wp_attachment_image_alt: 'Posko siaga banjir' },
      },
      ...posts(1),
    ];
    const storedBefore = (await stored()).length;
    const uploads = Buffer.from(zipSync({ 'wp-content/uploads/2021/03/posko.jpg': await smallJpeg() }));
    const queued = await send([
      [exportFor(dishub.slug), `${dishub.slug}.xml`],
      [exportFor(bpbd.slug, photoPost), `${bpbd.slug}.xml`],
      [uploads, `${bpbd.slug}.zip`],
      // A browser may send the folder, and any case: the OPD is the file's own name.
      [exportFor(dinkes.slug, posts(3)), `ekspor/${dinkes.slug.toUpperCase()}.XML`],
    ]);
    expect(queued.status).toBe(202);
    expect(
      queued.body.items.map(
        (item: { tenant: { slug: string }; run: { status: string; sourceUrl: string } }) => [
          item.tenant.slug,
          item.run.status,
          item.run.sourceUrl,
        ],
      ),
    ).toEqual(
      expect.arrayContaining([
        [dishub.slug, 'queued', siteOf(dishub.slug)],
        [bpbd.slug, 'queued', siteOf(bpbd.slug)],
        [dinkes.slug, 'queued', siteOf(dinkes.slug)],
      ]),
    );
    expect(queued.body.items).toHaveLength(3);
    expect(await stored()).toHaveLength(storedBefore + 4);
    expect(await incoming()).toEqual([]);

    const waiting = await overview('?status=queued');
    // These three, and the one the test before left waiting.
    expect(waiting.items.map((item) => item.tenant.slug)).toEqual(
      expect.arrayContaining([dishub.slug, bpbd.slug, dinkes.slug]),
    );
    expect(waiting.items.every((item) => item.latest?.status === 'queued')).toBe(true);
    expect(waiting.counts.queued).toBe(waiting.items.length);
    expect(waiting.total).toBe(4);
    const never = await overview(`?q=${untouched.slug}`);
    expect(never.items).toEqual([
      { tenant: expect.objectContaining({ slug: untouched.slug }), latest: null },
    ]);

    await t.app.get(ImportJobs).work();
    const done = await eventually(
      () => overview('?limit=200'),
      (page) =>
        [dishub, bpbd, dinkes].every((opd) => {
          const latest = page.items.find((item) => item.tenant.id === opd.id)?.latest;
          return latest?.status === 'done' || latest?.status === 'failed';
        }),
      { withinMs: 120_000 },
    );
    const latestOf = (opd: Tenant) => done.items.find((item) => item.tenant.id === opd.id)!.latest;
    expect(latestOf(dishub)).toMatchObject({ status: 'done', progress: { done: 2, total: 2 }, notes: 0 });
    expect(latestOf(bpbd)).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
    expect(latestOf(bpbd)!.totals).toMatchObject({ created: 2, failed: 0 });
    expect(latestOf(dinkes)).toMatchObject({ status: 'done', progress: { done: 3, total: 3 } });
    expect(done.counts.done).toBeGreaterThanOrEqual(3);
    expect(done.counts.none).toBeGreaterThanOrEqual(1);
    expect(await stored()).toEqual([]);
    const news = await t.http().get(`/api/v1/public/${dinkes.slug}/content?type=berita`);
    expect(news.body.total).toBe(3);
  }, 180_000);

  it("shows each OPD's latest import: a change to an older run (undo marks them all) leaves it", async () => {
    const opd = await t.given.tenant();
    const insert = (startedAt: string, status: string) =>
      asSuperuser<{ id: string }>(
        t.database,
        `INSERT INTO wordpress_imports (tenant_id, source_url, status, started_at)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [opd.id, siteOf(opd.slug), status, startedAt],
      );
    const [older] = await insert('2026-01-05T08:00:00Z', 'done');
    const [newer] = await insert('2026-02-05T08:00:00Z', 'running');
    const latest = async () => (await overview(`?q=${opd.slug}`)).items[0]!.latest;
    expect(await latest()).toMatchObject({ id: newer!.id, status: 'running' });
    await asSuperuser(t.database, `UPDATE wordpress_imports SET status = 'undone' WHERE id = $1`, [
      older!.id,
    ]);
    expect(await latest()).toMatchObject({ id: newer!.id, status: 'running' });
    await asSuperuser(
      t.database,
      `UPDATE wordpress_imports SET status = 'failed', error = 'Kesalahan sistem', report = '[{"title":"a"}]'
        WHERE id = $1`,
      [newer!.id],
    );
    expect(await latest()).toMatchObject({
      id: newer!.id,
      status: 'failed',
      error: 'Kesalahan sistem',
      notes: 1,
    });
    // The application's own role reads the view and cannot write it: only the trigger does.
    await expect(t.dataSource.query(`UPDATE wordpress_import_overview SET status = 'done'`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it('refuses the whole batch, naming every file and why, and queues and keeps nothing', async () => {
    const [good, hostile, suspended] = [
      await t.given.tenant(),
      await t.given.tenant(),
      await t.given.tenant(undefined, { status: 'suspended' }),
    ];
    const storedBefore = (await stored()).sort();
    const doctype = exportFor(hostile.slug)
      .toString()
      .replace('<rss', '<!DOCTYPE rss [<!ENTITY a "a">]>\n<rss');
    const refused = await send([
      [exportFor(good.slug), `${good.slug}.xml`],
      [Buffer.from(doctype), `${hostile.slug}.xml`],
      [exportFor(suspended.slug), `${suspended.slug}.xml`],
      [exportFor('tidak-ada-opd'), 'tidak-ada-opd.xml'],
      [exportFor(good.slug), 'ekspor situs lama.txt'],
      [Buffer.from('bukan zip'), `${good.slug}.zip`],
      [Buffer.from('zip saja'), 'yatim.zip'],
      [exportFor(good.slug), `salinan/${good.slug}.xml`],
    ]);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('UNPROCESSABLE_FILE');
    const byField = Object.fromEntries(
      (refused.body.details as Array<{ field: string; constraint: string }>).map((detail) => [
        detail.field,
        detail.constraint,
      ]),
    );
    expect(byField).toEqual({
      [`files[${hostile.slug}.xml]`]: 'doctype',
      [`files[${suspended.slug}.xml]`]: 'unknownOpd',
      'files[tidak-ada-opd.xml]': 'unknownOpd',
      'files[ekspor situs lama.txt]': 'importFileName',
      [`files[${good.slug}.zip]`]: expect.any(String),
      'files[yatim.zip]': 'uploadsWithoutExport',
      // The same OPD's export twice (the second from another folder: the name is what counts).
      [`files[${good.slug}.xml]`]: 'duplicateFile',
    });
    for (const detail of refused.body.details as Array<{ field: string; message: string }>)
      expect(detail.message.startsWith(detail.field)).toBe(true);
    expect(await runsOf([good, hostile, suspended])).toBe(0);
    expect((await stored()).sort()).toEqual(storedBefore);
    expect(await incoming()).toEqual([]);
  });

  it.each([
    ['no file', [], {}, 'files'],
    [
      'fetching the old sites where the platform does not allow it',
      'one',
      { fetchUploads: 'true' },
      'fetchUploads',
    ],
  ] as const)('answers %s by its field, queuing nothing', async (_name, files, fields, field) => {
    const opd = await t.given.tenant();
    const sent = files === 'one' ? [[exportFor(opd.slug), `${opd.slug}.xml`] as [Buffer, string]] : [];
    const refused = await send(sent, fields);
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    expect(await runsOf([opd])).toBe(0);
    expect(await incoming()).toEqual([]);
  });

  it('refuses more files than a batch takes, by the field', async () => {
    const many = Array.from(
      { length: 201 },
      (_, index) => [Buffer.from('x'), `opd-${index}.xml`] as [Buffer, string],
    );
    const refused = await send(many);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ field: 'files', constraint: 'tooManyFiles' }),
    ]);
    expect(await incoming()).toEqual([]);
  });
});
