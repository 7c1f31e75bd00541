import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { wxrExport } from '../../src/bench/wxr-fixture';
import { type Principal } from '../../src/core/access/principal';
import { ImportJobs } from '../../src/modules/wordpress-import/import-jobs';
import { UploadsFetcher } from '../../src/modules/wordpress-import/uploads-fetcher';
import { WordpressImportService } from '../../src/modules/wordpress-import/wordpress-import.service';
import { eventually } from '../helpers/eventually';
import { smallJpeg } from '../helpers/media-corpus';
import { principalOf } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

const BASE = 'https://dkp.bandarlampungkota.go.id';

/**
 * The WordPress import fetching the old site's files from its address (no uploads archive): off unless the
 * platform turns it on; private and loopback addresses refused — by address and by a name that resolves there —
 * unless the platform allows them; paced; and, allowed, the files come in through the library's pipeline.
 */
describe('WordPress import: fetching the old uploads from the old site', () => {
  let t: TestApp;
  let oldSite: Server;
  let oldPort: number;
  const asked: string[] = [];
  const photos = [1, 2, 3].map((n) => ({
    id: 100 + n,
    type: 'attachment' as const,
    title: `Pasar ikan ${n}`,
    attachmentUrl: `${BASE}/wp-content/uploads/2022/03/pasar-${n}.jpg`,
    meta: { _wp_attachment_image_alt: `Pedagang di pasar ikan ${n}` },
  }));
  const text = wxrExport({ baseUrl: BASE, title: 'DKP' }, photos);
  const actor = async (): Promise<Principal> =>
    principalOf(await t.given.user({ platformRole: 'platform_admin' }));

  beforeAll(async () => {
    const jpeg = await smallJpeg();
    oldSite = createServer((request, response) => {
      asked.push(request.url ?? '');
      if (request.url?.startsWith('/wp-content/uploads/'))
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => oldSite.listen(0, '127.0.0.1', resolve));
    oldPort = (oldSite.address() as AddressInfo).port;
    t = await startTestApp({ WORDPRESS_FETCH_UPLOADS: 'true', WORDPRESS_FETCH_ALLOW_PRIVATE: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => oldSite.close(resolve));
  });

  it.each([
    ['a private address', () => `http://127.0.0.1:${oldPort}`],
    ['a name that resolves to one', () => `http://localhost:${oldPort}`],
  ])('refuses %s unless the platform allows it, asking nothing of it', async (_name, from) => {
    const opd = await t.given.tenant();
    asked.length = 0;
    const fetcher = new UploadsFetcher({ allowPrivate: false, perSecond: 50 });
    const run = await t.app
      .get(WordpressImportService)
      .importInto(opd.id, await actor(), () => Readable.from([Buffer.from(text)]), {
        fetch: { fetcher, from: from() },
      });
    expect(run.totals).toMatchObject({ created: 0, failed: 3 });
    expect(run.noted[0]!.notes).toEqual([expect.stringContaining('alamat privat ditolak')]);
    expect(asked).toEqual([]);
  });

  it('fetches the files through the library when the platform allows, paced to its rate', async () => {
    const opd = await t.given.tenant();
    asked.length = 0;
    const fetcher = new UploadsFetcher({ allowPrivate: true, perSecond: 2 });
    const started = performance.now();
    const run = await t.app
      .get(WordpressImportService)
      .importInto(opd.id, await actor(), () => Readable.from([Buffer.from(text)]), {
        fetch: { fetcher, from: `http://127.0.0.1:${oldPort}` },
      });
    expect(run.totals).toMatchObject({ created: 3, failed: 0 });
    // The export's addresses, asked of the old site where it answers now; three requests at two a second.
    expect(asked.sort()).toEqual(
      photos.map((photo) => `/wp-content/uploads/2022/03/pasar-${photo.id - 100}.jpg`),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('takes the old address with a queued import over HTTP, and runs it with the files fetched', async () => {
    const opd = await t.given.tenant();
    const platform = await t.given.platformSignedIn('platform_admin');
    const queued = await t
      .http()
      .post(`/api/v1/admin/tenants/${opd.id}/wordpress-import`)
      .set(platform.auth)
      .field('fetchFrom', `http://127.0.0.1:${oldPort}`)
      .attach('file', Buffer.from(text), 'ekspor.xml');
    expect(queued.status).toBe(202);
    await t.app.get(ImportJobs).work();
    const done = await eventually(
      async () =>
        (
          await t
            .http()
            .get(`/api/v1/admin/tenants/${opd.id}/wordpress-import/${queued.body.id}`)
            .set(platform.auth)
        ).body,
      (state) => state.status === 'done' || state.status === 'failed',
      { withinMs: 60_000 },
    );
    expect(done).toMatchObject({ status: 'done', totals: { created: 3, failed: 0 } });
    const bad = await t
      .http()
      .post(`/api/v1/admin/tenants/${opd.id}/wordpress-import`)
      .set(platform.auth)
      .field('fetchFrom', 'file:///etc/passwd')
      .attach('file', Buffer.from(text), 'ekspor.xml');
    expect({ status: bad.status, field: bad.body.details?.[0]?.field }).toEqual({
      status: 400,
      field: 'fetchFrom',
    });
  });
});

describe('WordPress import: fetching is off unless the platform turns it on', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('refuses an old address to fetch from, by its field, queuing nothing', async () => {
    const opd = await t.given.tenant();
    const platform = await t.given.platformSignedIn('platform_admin');
    const refused = await t
      .http()
      .post(`/api/v1/admin/tenants/${opd.id}/wordpress-import`)
      .set(platform.auth)
      .field('fetchFrom', 'https://dkp-lama.bandarlampungkota.go.id')
      .attach(
        'file',
        Buffer.from(wxrExport({ baseUrl: BASE }, [{ id: 1, title: 'Berita lama' }])),
        'ekspor.xml',
      );
    expect({ status: refused.status, detail: refused.body.details?.[0] }).toEqual({
      status: 400,
      detail: expect.objectContaining({ field: 'fetchFrom', constraint: 'fetchDisabled' }),
    });
    expect(
      (await t.http().get(`/api/v1/admin/tenants/${opd.id}/wordpress-import`).set(platform.auth)).body.items,
    ).toEqual([]);
  });
});
