import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { wxrExport } from '../../src/bench/wxr-fixture';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn } from '../helpers/given';
import { asSuperuser } from '../helpers/superuser';
import { mediaDirOf, startTestApp, type TestApp } from '../helpers/test-app';

const BASE = 'https://diskominfo.bandarlampungkota.go.id';

/**
 * The WordPress import's dry run through HTTP: a platform admin uploads an OPD's export and reads what would
 * come in, be skipped and need a look; nothing is written, the upload does not stay behind, and a malformed or
 * hostile export is refused by field with its reason.
 */
describe('WordPress import: the dry run', () => {
  let t: TestApp;
  let opd: Tenant;
  let platform: SignedIn;
  const dryRunOf = (tenantId: string) => `/api/v1/admin/tenants/${tenantId}/wordpress-import/dry-run`;
  const upload = (tenantId: string, text: string, as: SignedIn = platform) =>
    t.http().post(dryRunOf(tenantId)).set(as.auth).attach('file', Buffer.from(text), 'ekspor.xml');
  const rowCounts = async () =>
    (
      await asSuperuser<{ n: number }>(
        t.database,
        `SELECT (SELECT count(*) FROM content_items) + (SELECT count(*) FROM media) + (SELECT count(*) FROM audit_events)::int AS n`,
      )
    )[0]!.n;
  const leftovers = async () => (await readdir(path.join(mediaDirOf(t.database), '.incoming'))).length;

  beforeAll(async () => {
    t = await startTestApp();
    opd = await t.given.tenant();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  const EXPORT = wxrExport({ baseUrl: BASE, title: 'Diskominfo Kota Bandar Lampung' }, [
    { id: 1, title: 'Peluncuran Aplikasi Layanan Warga', content: 'Isi berita.\n\nParagraf dua.' },
    { id: 2, title: 'Draf', status: 'draft' },
    { id: 3, type: 'page', title: 'Visi dan Misi', slug: 'visi-misi' },
    {
      id: 4,
      type: 'attachment',
      title: 'Renja 2025',
      attachmentUrl: `${BASE}/wp-content/uploads/2025/01/renja.pdf`,
    },
    { id: 5, type: 'nav_menu_item', title: 'Beranda' },
  ]);

  it('reports what an export would bring in, writing nothing and keeping no upload', async () => {
    const before = await rowCounts();
    const answer = await upload(opd.id, EXPORT);
    expect(answer.status).toBe(200);
    expect(answer.body.site).toEqual({
      title: 'Diskominfo Kota Bandar Lampung',
      baseUrl: BASE,
      wxrVersion: '1.2',
    });
    expect(answer.body.totals).toMatchObject({
      items: 5,
      berita: 2,
      halaman: 1,
      dokumen: 1,
      media: 0,
      skipped: 1,
      drafts: 1,
    });
    expect(answer.body.skipped).toEqual([
      {
        sourceId: 5,
        sourceType: 'nav_menu_item',
        title: 'Beranda',
        reason: 'bukan konten situs (nav_menu_item)',
      },
    ]);
    expect(answer.body.sample.find((plan: { sourceId: number }) => plan.sourceId === 4)).toMatchObject({
      kind: 'dokumen',
      document: { category: 'renja', informationClass: 'berkala', year: 2025 },
    });
    expect(await rowCounts()).toBe(before);
    expect(await leftovers()).toBe(0);
  });

  it.each([
    ['an entity bomb', EXPORT.replace('<rss', '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>\n<rss'), 'doctype'],
    [
      'an external entity',
      EXPORT.replace('<rss', '<!DOCTYPE rss SYSTEM "http://127.0.0.1/x.dtd">\n<rss'),
      'doctype',
    ],
    ['a broken file', EXPORT.slice(0, EXPORT.length / 2), 'xml'],
    [
      'not an export',
      '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>',
      'notWxr',
    ],
  ])('refuses %s by field with its reason, writing nothing', async (_name, text, constraint) => {
    const before = await rowCounts();
    const answer = await upload(opd.id, text);
    expect({ status: answer.status, code: answer.body.code, details: answer.body.details }).toEqual({
      status: 422,
      code: 'UNPROCESSABLE_FILE',
      details: [{ field: 'file', constraint, message: expect.any(String) }],
    });
    expect(answer.body.message).toMatch(/^Berkas ekspor WordPress tidak dapat dibaca: /);
    expect(await rowCounts()).toBe(before);
    expect(await leftovers()).toBe(0);
  });

  it('refuses a missing file and an unknown OPD clearly, keeping no upload', async () => {
    const none = await t.http().post(dryRunOf(opd.id)).set(platform.auth);
    expect({ status: none.status, field: none.body.details?.[0]?.field }).toEqual({
      status: 400,
      field: 'file',
    });
    const unknown = await upload('00000000-0000-4000-8000-000000000000', EXPORT);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'TENANT_NOT_FOUND',
    });
    expect(await leftovers()).toBe(0);
  });
});
