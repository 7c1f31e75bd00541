import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { wxrExport } from '../../src/bench/wxr-fixture';
import { startSitesServer } from '../../src/bin/sites-server';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { UploadsArchive } from '../../src/modules/wordpress-import/uploads-archive';
import { WordpressImportService } from '../../src/modules/wordpress-import/wordpress-import.service';
import { builtSiteBehindNginx, get, type RunningNginx } from '../helpers/debian-nginx';
import { smallJpeg } from '../helpers/media-corpus';
import { principalOf } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

const OLD = 'https://dinsos.bandarlampungkota.go.id';

/**
 * An OPD that moved its WordPress site in keeps its old addresses: every old address of an imported item —
 * permalink with or without its slash, WordPress's `?p=` and `?page_id=` forms (also through `index.php` and
 * with tracking added), a page's address, an old upload — answers 301 to the item's page or file, on Debian's
 * nginx with the production configuration and on `pnpm start`'s sites server alike. An unpublished item's old
 * address and an address never seen answer the site's own 404 page; the site's pages are served as before.
 */
describe('old WordPress addresses after an import (nginx and the local sites server)', () => {
  let t: TestApp;
  let root: string;
  let opd: Tenant;
  let apiUrl: string;
  let nginx: RunningNginx | undefined;
  let server: Server | undefined;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-wp-redirects-'));
    await chmod(root, 0o755);
    t = await startTestApp({ LAMAN_SITES_DIR: path.join(root, 'sites') });
    await t.app.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    opd = await t.given.tenant();
    const admin = await t.given.user({ platformRole: 'platform_admin' });
    const zip = path.join(root, 'uploads.zip');
    await writeFile(zip, zipSync({ 'wp-content/uploads/2020/05/bansos.jpg': await smallJpeg() }));
    const archive = await UploadsArchive.open(zip);
    const text = wxrExport({ baseUrl: OLD, title: 'Dinas Sosial' }, [
      {
        id: 20,
        type: 'attachment',
        title: 'Penyaluran bansos',
        attachmentUrl: `${OLD}/wp-content/uploads/2020/05/bansos.jpg`,
        meta: { _wp_attachment_image_alt: 'Warga menerima bantuan sosial' },
      },
      {
        id: 1,
        title: 'Penyaluran Bantuan Sosial Tahap Dua',
        slug: 'bansos-tahap-dua',
        date: '2020-05-12 09:00:00',
        content: 'Bantuan disalurkan di 20 kecamatan.',
        meta: { _thumbnail_id: '20' },
      },
      {
        id: 2,
        title: 'Rencana Bantuan Tahap Tiga',
        slug: 'bansos-tahap-tiga',
        status: 'draft',
        content: 'Draf.',
      },
      { id: 3, type: 'page', title: 'Tugas dan Fungsi', slug: 'tugas-fungsi', content: 'Tugas pokok dinas.' },
    ]);
    try {
      const imported = await t.app
        .get(WordpressImportService)
        .importInto(opd.id, principalOf(admin), () => Readable.from([Buffer.from(text)]), { archive });
      expect(imported.totals).toMatchObject({ created: 4, failed: 0, held: 0 });
    } finally {
      archive.close();
    }
    const edge = await builtSiteBehindNginx(root, apiUrl, opd.slug);
    nginx = edge.nginx;
    server = await startSitesServer(edge.sites, 0, '127.0.0.1', apiUrl);
  }, 240_000);
  afterAll(async () => {
    await nginx?.stop();
    if (server) await new Promise((resolve) => server!.close(resolve));
    await t.close();
    await rm(root, { recursive: true, force: true });
  });

  const news = '/berita/bansos-tahap-dua/';
  const page = '/profil/tugas-fungsi/';
  const cases: Array<[string, number, string | RegExp | null]> = [
    ['/2020/05/bansos-tahap-dua/', 301, news],
    ['/2020/05/Bansos-Tahap-Dua', 301, news],
    ['/?p=1', 301, news],
    ['/index.php?p=1&utm_source=facebook', 301, news],
    ['/tugas-fungsi/', 301, page],
    ['/?page_id=3', 301, page],
    ['/wp-content/uploads/2020/05/bansos.jpg', 301, /\/api\/v1\/public\/[a-z0-9-]+\/media\/[0-9a-f-]{36}\//],
    ['/?p=2', 404, null],
    ['/2023/02/bansos-tahap-tiga/', 404, null],
    ['/2019/01/tidak-pernah-ada/', 404, null],
    [news, 200, null],
    ['/', 200, null],
  ];

  const expectAnswer = (
    uri: string,
    answer: { status: number; location: string | null; body: string },
    status: number,
    location: string | RegExp | null,
  ) => {
    expect({ uri, status: answer.status }).toEqual({ uri, status });
    if (typeof location === 'string') expect({ uri, location: answer.location }).toEqual({ uri, location });
    if (location instanceof RegExp) expect(answer.location).toMatch(location);
    // A miss is the site's own 404 page, not the API's error.
    if (status === 404) expect(answer.body).toContain('<html');
  };

  it.each(cases)('nginx: %s answers %d', async (uri, status, location) => {
    const answer = await get(nginx!.port, `${opd.slug}.bandarlampungkota.go.id`, uri);
    expectAnswer(
      uri,
      { status: answer.status, location: (answer.headers['location'] as string) ?? null, body: answer.body },
      status,
      location,
    );
  });

  it.each(cases)('local sites server: %s answers %d', async (uri, status, location) => {
    const port = (server!.address() as AddressInfo).port;
    const answer = await get(port, `${opd.slug}.localhost`, uri);
    expectAnswer(
      uri,
      { status: answer.status, location: (answer.headers['location'] as string) ?? null, body: answer.body },
      status,
      location,
    );
  });
});
