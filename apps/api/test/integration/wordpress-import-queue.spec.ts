import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { type FixturePost, wxrExport } from '../../src/bench/wxr-fixture';
import { type Principal } from '../../src/core/access/principal';
import { LocalDiskStorage } from '../../src/modules/media/storage/local-disk.storage';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { ImportJobs } from '../../src/modules/wordpress-import/import-jobs';
import { WordpressImportService } from '../../src/modules/wordpress-import/wordpress-import.service';
import { eventually } from '../helpers/eventually';
import { type SignedIn, principalOf } from '../helpers/given';
import { pdf, smallJpeg } from '../helpers/media-corpus';
import { asSuperuser } from '../helpers/superuser';
import { mediaDirOf, startTestApp, type TestApp } from '../helpers/test-app';

const BASE = 'https://bpbd.bandarlampungkota.go.id';

/**
 * The import as a platform admin runs it: queued over HTTP with the old uploads, run by the process that does
 * background work, followed to its report — and refused, with nothing kept, when a file is broken or hostile.
 * An import interrupted midway resumes on the next run without duplicating anything.
 */
describe('WordPress import: queued, followed, resumed', () => {
  let t: TestApp;
  let platform: SignedIn;

  const posts = (count: number, from = 1): FixturePost[] =>
    Array.from({ length: count }, (_, index) => ({
      id: from + index,
      title: `Siaga Banjir Kecamatan ${from + index}`,
      date: `2022-01-${String((index % 28) + 1).padStart(2, '0')} 08:00:00`,
      content: `Warga diminta waspada.\n\nPesan ${from + index}.`,
    }));
  const withFiles: FixturePost[] = [
    {
      id: 100,
      type: 'attachment',
      title: 'Peta rawan banjir',
      attachmentUrl: `${BASE}/wp-content/uploads/2022/01/peta.jpg`,
      meta: { _wp_attachment_image_alt: 'Peta kawasan rawan banjir' },
    },
    {
      id: 101,
      type: 'attachment',
      title: 'Renstra BPBD 2021-2026',
      attachmentUrl: `${BASE}/wp-content/uploads/2022/01/renstra.pdf`,
    },
    ...posts(3),
  ];
  const exportOf = (items: FixturePost[]) => wxrExport({ baseUrl: BASE, title: 'BPBD' }, items);
  const uploadsZip = async () =>
    Buffer.from(
      zipSync({
        'wp-content/uploads/2022/01/peta.jpg': await smallJpeg(),
        'wp-content/uploads/2022/01/renstra.pdf': pdf(),
      }),
    );
  const base = (tenantId: string) => `/api/v1/admin/tenants/${tenantId}/wordpress-import`;
  const queue = (tenantId: string, text: string, zip?: Buffer) => {
    const sent = t
      .http()
      .post(base(tenantId))
      .set(platform.auth)
      .attach('file', Buffer.from(text), 'ekspor.xml');
    return zip ? sent.attach('uploads', zip, 'uploads.zip') : sent;
  };
  const stored = () => new LocalDiskStorage(mediaDirOf(t.database)).list('wordpress-imports/');
  const runsOf = async (tenantId: string) =>
    (
      await asSuperuser<{ n: number }>(
        t.database,
        `SELECT count(*)::int AS n FROM wordpress_imports WHERE tenant_id = $1`,
        [tenantId],
      )
    )[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  it('queues an import with its uploads, runs it in the background, and reports it; its files do not stay', async () => {
    const opd = await t.given.tenant();
    const queued = await queue(opd.id, exportOf(withFiles), await uploadsZip());
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', sourceUrl: BASE, progress: null });
    // One waits per OPD: a second one while the first has not started is refused, and keeps nothing.
    const second = await queue(opd.id, exportOf(withFiles));
    expect({ status: second.status, code: second.body.code }).toEqual({
      status: 409,
      code: 'IMPORT_ALREADY_QUEUED',
    });
    expect(await runsOf(opd.id)).toBe(1);
    expect(await stored()).toHaveLength(2);

    await t.app.get(ImportJobs).work();
    const finished = await eventually(
      async () =>
        (
          await t
            .http()
            .get(`${base(opd.id)}/${queued.body.id}`)
            .set(platform.auth)
        ).body,
      (run) => run.status === 'done' || run.status === 'failed',
      { withinMs: 60_000 },
    );
    expect(finished).toMatchObject({
      status: 'done',
      error: null,
      progress: { done: 5, total: 5 },
      totals: { created: 5, failed: 0, held: 0 },
    });
    expect(finished.report).toEqual([]);
    const list = await t.http().get(base(opd.id)).set(platform.auth);
    expect(list.body.items.map((run: { id: string }) => run.id)).toEqual([queued.body.id]);
    expect(await stored()).toEqual([]);
    const news = await t.http().get(`/api/v1/public/${opd.slug}/content?type=berita`);
    expect(news.body.total).toBe(3);
    const documents = await t.http().get(`/api/v1/public/${opd.slug}/content?type=dokumen`);
    expect(documents.body.items).toEqual([
      expect.objectContaining({ title: 'Renstra BPBD 2021-2026', category: 'renstra', year: 2021 }),
    ]);
  });

  it.each([
    [
      'a hostile export',
      () => exportOf(posts(1)).replace('<rss', '<!DOCTYPE rss [<!ENTITY a "a">]>\n<rss'),
      undefined,
      'file',
    ],
    ['a broken archive', () => exportOf(posts(1)), Buffer.from('bukan zip'), 'uploads'],
  ])('refuses %s by its field, queuing and keeping nothing', async (_name, text, zip, field) => {
    const opd = await t.given.tenant();
    const refused = await queue(opd.id, text(), zip);
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].field).toBe(field);
    expect(await runsOf(opd.id)).toBe(0);
    expect(await stored()).toEqual([]);
    expect(await readdir(path.join(mediaDirOf(t.database), '.incoming'))).toEqual([]);
  });

  it("answers 404 for an import of another OPD, and another OPD's list shows none of it", async () => {
    const [a, b] = [await t.given.tenant(), await t.given.tenant()];
    const queued = await queue(a.id, exportOf(posts(1)));
    expect(queued.status).toBe(202);
    expect(
      (
        await t
          .http()
          .get(`${base(b.id)}/${queued.body.id}`)
          .set(platform.auth)
      ).status,
    ).toBe(404);
    expect((await t.http().get(base(b.id)).set(platform.auth)).body.items).toEqual([]);
  });

  it('resumes an import that stopped midway, without duplicating what it had written', async () => {
    const opd: Tenant = await t.given.tenant();
    const actor: Principal = principalOf(platform.user);
    const whole = exportOf(posts(40));
    // The export is read four times (its site, then the import's index, files and posts passes): in the last,
    // the connection breaks two thirds of the way in.
    let opened = 0;
    const breaking = () => {
      opened++;
      if (opened < 4) return Readable.from([Buffer.from(whole)]);
      const cut = Buffer.from(whole).subarray(0, Math.floor(whole.length * 0.66));
      return Readable.from(
        (async function* () {
          yield cut;
          throw new Error('koneksi terputus');
        })(),
      );
    };
    const service = t.app.get(WordpressImportService);
    await expect(service.importInto(opd.id, actor, breaking)).rejects.toThrow('koneksi terputus');
    const partial = await asSuperuser<{ n: number }>(
      t.database,
      `SELECT count(*)::int AS n FROM content_items WHERE tenant_id = $1`,
      [opd.id],
    );
    expect(partial[0]!.n).toBeGreaterThan(0);
    expect(partial[0]!.n).toBeLessThan(40);
    const [failed] = await asSuperuser<{ status: string }>(
      t.database,
      `SELECT status FROM wordpress_imports WHERE tenant_id = $1`,
      [opd.id],
    );
    expect(failed!.status).toBe('failed');

    const resumed = await service.importInto(opd.id, actor, () => Readable.from([Buffer.from(whole)]));
    expect(resumed.totals).toMatchObject({
      unchanged: partial[0]!.n,
      created: 40 - partial[0]!.n,
      failed: 0,
    });
    const items = await asSuperuser<{ n: number; slugs: number }>(
      t.database,
      `SELECT count(*)::int AS n, count(DISTINCT slug)::int AS slugs FROM content_items WHERE tenant_id = $1`,
      [opd.id],
    );
    expect(items[0]).toEqual({ n: 40, slugs: 40 });
  });
});
