import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { type FixturePost, wxrExport } from '../../src/bench/wxr-fixture';
import { type Principal } from '../../src/core/access/principal';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { UploadsArchive } from '../../src/modules/wordpress-import/uploads-archive';
import { WordpressImportService } from '../../src/modules/wordpress-import/wordpress-import.service';
import { type User } from '../../src/modules/users/user.entity';
import { pdf, smallJpeg } from '../helpers/media-corpus';
import { asSuperuser } from '../helpers/superuser';
import { principalOf } from '../helpers/given';
import { mediaDirOf, startTestApp, type TestApp } from '../helpers/test-app';
import { sampleFields } from '../helpers/content-samples';
import { LocalDiskStorage } from '../../src/modules/media/storage/local-disk.storage';

const BASE = 'https://dishub.bandarlampungkota.go.id';
const UPLOADS = `${BASE}/wp-content/uploads`;

/**
 * The WordPress import itself, into a real database through the editor's own services: what comes in, with its
 * old dates, covers and inline images from the library; what a second run of the same export does (nothing);
 * and what a changed export does (updates what changed, keeps what the OPD edited, never brings back what it
 * deleted, adds what is new).
 */
describe('WordPress import: the import', () => {
  let t: TestApp;
  let opd: Tenant;
  let admin: User;
  let folder: string;
  let archive: UploadsArchive;

  const actor = (): Principal => principalOf(admin);
  const importing = (posts: FixturePost[], into: Tenant = opd) => {
    const text = wxrExport(
      { baseUrl: BASE, title: 'Dinas Perhubungan', authors: [['humas', 'Tim Humas Dishub']] },
      posts,
    );
    return t.app
      .get(WordpressImportService)
      .importInto(into.id, actor(), () => Readable.from([Buffer.from(text)]), { archive });
  };
  const publicNews = async () =>
    (await t.http().get(`/api/v1/public/${opd.slug}/content?type=berita&pageSize=50`)).body.items as Array<{
      slug: string;
      title: string;
      publishedAt: string;
    }>;
  const counts = async (of: Tenant = opd) =>
    (
      await asSuperuser<{ items: number; media: number; revisions: number }>(
        t.database,
        `SELECT (SELECT count(*) FROM content_items WHERE tenant_id = $1)::int AS items,
                (SELECT count(*) FROM media WHERE tenant_id = $1)::int AS media,
                (SELECT count(*) FROM content_revisions r JOIN content_items i ON i.id = r.item_id
                  WHERE i.tenant_id = $1)::int AS revisions`,
        [of.id],
      )
    )[0]!;

  const photo: FixturePost = {
    id: 10,
    type: 'attachment',
    title: 'Uji emisi kendaraan',
    date: '2021-03-04 09:00:00',
    attachmentUrl: `${UPLOADS}/2021/03/uji-emisi.jpg`,
    meta: {
      _wp_attached_file: '2021/03/uji-emisi.jpg',
      _wp_attachment_image_alt: 'Petugas menguji emisi bus',
    },
  };
  const renja: FixturePost = {
    id: 11,
    type: 'attachment',
    title: 'Renja Dinas Perhubungan 2021',
    date: '2021-01-10 08:00:00',
    attachmentUrl: `${UPLOADS}/2021/01/renja-2021.pdf`,
  };
  const news: FixturePost = {
    id: 1,
    title: 'Uji Emisi Gratis di Lapangan Saburai',
    slug: 'uji-emisi-gratis',
    date: '2021-03-04 10:30:00',
    creator: 'humas',
    categories: [['kegiatan', 'Kegiatan']],
    tags: [
      ['emisi', 'emisi'],
      ['lingkungan', 'lingkungan'],
    ],
    excerpt: 'Dishub menggelar uji emisi gratis.',
    content:
      '<!-- wp:paragraph --><p>Dishub menggelar uji emisi gratis bagi warga.</p><!-- /wp:paragraph -->\n' +
      `<!-- wp:image {"id":10} --><figure class="wp-block-image"><img src="${UPLOADS}/2021/03/uji-emisi-1024x768.jpg" alt="Uji emisi"/></figure><!-- /wp:image -->\n` +
      `<!-- wp:image --><figure class="wp-block-image"><img src="${UPLOADS}/2019/01/hilang.jpg" alt="Tidak ada"/></figure><!-- /wp:image -->\n` +
      `<!-- wp:paragraph --><p>Lihat <a href="${BASE}/visi-misi/">visi dan misi</a>.</p><!-- /wp:paragraph -->`,
    meta: { _thumbnail_id: '10' },
  };
  const draft: FixturePost = {
    id: 2,
    title: 'Rencana Terminal Rajabasa',
    status: 'draft',
    content: 'Belum jadi.',
  };
  const page: FixturePost = {
    id: 3,
    type: 'page',
    title: 'Visi dan Misi',
    slug: 'visi-misi',
    date: '2019-06-01 08:00:00',
    content:
      'Terwujudnya transportasi yang aman.\n\nMisi pertama.\n\n' +
      `Baca <a href="${BASE}/2021/03/uji-emisi-gratis/">uji emisi</a> dan <a href="${UPLOADS}/2021/01/renja-2021.pdf">Renja</a>.`,
  };
  const tooShort: FixturePost = {
    id: 4,
    title: 'Ok',
    date: '2020-01-01 08:00:00',
    content: 'Judul terlalu pendek.',
  };
  const menu: FixturePost = { id: 5, type: 'nav_menu_item', title: 'Beranda' };
  const first = [photo, renja, news, draft, page, tooShort, menu];

  beforeAll(async () => {
    t = await startTestApp();
    opd = await t.given.tenant();
    admin = await t.given.user({ platformRole: 'platform_admin' });
    folder = await mkdtemp(path.join(tmpdir(), 'laman-wp-import-'));
    const zip = path.join(folder, 'uploads.zip');
    await writeFile(
      zip,
      zipSync({
        'wp-content/uploads/2021/03/uji-emisi.jpg': await smallJpeg(),
        'wp-content/uploads/2021/01/renja-2021.pdf': pdf(),
      }),
    );
    archive = await UploadsArchive.open(zip);
  });
  afterAll(async () => {
    archive.close();
    await rm(folder, { recursive: true, force: true });
    await t.close();
  });

  it('brings the old site in with its dates, files, covers and inline images; refuses by reason what breaks a rule', async () => {
    const run = await importing(first);
    expect(run.totals).toEqual({
      created: 5,
      updated: 0,
      unchanged: 0,
      keptEdited: 0,
      skipped: 1,
      held: 0,
      failed: 1,
    });
    expect(run.noted.find((entry) => entry.sourceId === 4)).toMatchObject({
      outcome: 'failed',
      notes: [expect.stringMatching(/title/)],
    });
    expect(run.noted.find((entry) => entry.sourceId === 1)?.notes).toEqual([
      expect.stringContaining('/2019/01/hilang.jpg tidak ada di pustaka media'),
    ]);

    // Published news keeps its old date (WIB 10:30 is 03:30 UTC); the draft stays out of public view.
    const listed = await publicNews();
    expect(listed).toEqual([
      expect.objectContaining({ slug: 'uji-emisi-gratis', publishedAt: '2021-03-04T03:30:00.000Z' }),
    ]);
    const item = (await t.http().get(`/api/v1/public/${opd.slug}/content/berita/uji-emisi-gratis`)).body;
    expect(item).toMatchObject({
      category: 'Kegiatan',
      tags: ['emisi', 'lingkungan'],
      summary: 'Dishub menggelar uji emisi gratis.',
    });
    expect(item.fields.author).toBe('Tim Humas Dishub');
    // The cover and the inline image are the library's copy of the old upload, served to the public.
    const library = `/api/v1/public/${opd.slug}/media/`;
    expect(item.fields.cover.url).toContain(library);
    const inline = /<img[^>]+src="([^"]+)"/.exec(item.fields.bodyHtml)?.[1] ?? '';
    expect(inline).toContain(library);
    expect(item.fields.bodyHtml).not.toContain('wp-content');
    expect((await t.http().get(new URL(inline).pathname)).status).toBe(200);

    const livePage = (await t.http().get(`/api/v1/public/${opd.slug}/content/halaman/visi-misi`)).body;
    expect(livePage.publishedAt).toBe('2019-06-01T01:00:00.000Z');
    // Links between imported items: to an item already in, its new page (an old PDF's link, its Dokumen page);
    // to an item later in the export, the old address (which the site answers with a 301).
    const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs(livePage.fields.bodyHtml)).toEqual([
      expect.stringMatching(new RegExp(`^https://${opd.slug}\\.[^/]+/berita/uji-emisi-gratis/$`)),
      expect.stringMatching(
        new RegExp(`^https://${opd.slug}\\.[^/]+/dokumen/renja-dinas-perhubungan-2021/$`),
      ),
    ]);
    expect(hrefs(item.fields.bodyHtml)).toEqual([`${BASE}/visi-misi/`]);
    const documents = (await t.http().get(`/api/v1/public/${opd.slug}/content?type=dokumen`)).body.items;
    expect(documents).toEqual([expect.objectContaining({ title: 'Renja Dinas Perhubungan 2021' })]);

    // The OPD's last update is its newest old post, not the moment of the import: oversight sees it went quiet.
    const [tenant] = await asSuperuser<{ last: Date }>(
      t.database,
      `SELECT last_published_at AS last FROM tenants WHERE id = $1`,
      [opd.id],
    );
    expect(tenant!.last.toISOString()).toBe('2021-03-04T03:30:00.000Z');
    // Every write names the platform admin who ran the import.
    const actors = await asSuperuser<{ actor: string }>(
      t.database,
      `SELECT DISTINCT actor_user_id AS actor FROM audit_events WHERE tenant_id = $1`,
      [opd.id],
    );
    expect(actors).toEqual([{ actor: admin.id }]);
  });

  it('changes nothing when the same export is imported again', async () => {
    const before = await counts();
    const run = await importing(first);
    expect(run.totals).toMatchObject({ created: 0, updated: 0, unchanged: 5, failed: 1, skipped: 1 });
    expect(await counts()).toEqual(before);
  });

  it('updates what changed at the source, keeps what the OPD edited or deleted, and adds what is new', async () => {
    const editor = await t.given.memberSignedIn(opd, 'editor');
    const items = (await t.http().get(`/api/v1/tenants/${opd.slug}/content?limit=50`).set(editor.auth)).body
      .items as Array<{ id: string; title: string; version: number; type: string }>;
    const pageItem = items.find((entry) => entry.title === 'Visi dan Misi')!;
    const current = (
      await t.http().get(`/api/v1/tenants/${opd.slug}/content/items/${pageItem.id}`).set(editor.auth)
    ).body;
    const edited = await t
      .http()
      .put(`/api/v1/tenants/${opd.slug}/content/halaman/${pageItem.id}`)
      .set(editor.auth)
      .send({ version: current.version, fields: { ...current.fields, title: 'Visi dan Misi Dishub' } });
    expect(edited.status).toBe(200);
    const draftItem = items.find((entry) => entry.title === 'Rencana Terminal Rajabasa')!;
    const removed = await t
      .http()
      .delete(`/api/v1/tenants/${opd.slug}/content/items/${draftItem.id}?version=${draftItem.version}`)
      .set(editor.auth);
    expect(removed.status).toBe(204);

    const changed = [
      photo,
      renja,
      { ...news, title: 'Uji Emisi Gratis di Lapangan Saburai Diperpanjang' },
      { ...draft, content: 'Sudah diubah di WordPress.' },
      { ...page, content: 'Visi baru dari WordPress.' },
      {
        id: 6,
        title: 'Jadwal Bus Trans Bandar Lampung',
        date: '2021-02-01 07:00:00',
        content: 'Jadwal baru.',
      },
    ];
    const run = await importing(changed);
    expect(run.totals).toMatchObject({ created: 1, updated: 1, unchanged: 2, keptEdited: 2, failed: 0 });
    const titles = (await publicNews()).map((entry) => entry.title).sort();
    expect(titles).toEqual([
      'Jadwal Bus Trans Bandar Lampung',
      'Uji Emisi Gratis di Lapangan Saburai Diperpanjang',
    ]);
    // The page edited in Laman keeps the OPD's words, live and in the editor; WordPress's change is not taken.
    const livePage = (await t.http().get(`/api/v1/public/${opd.slug}/content/halaman/visi-misi`)).body;
    expect(livePage.fields.bodyHtml).not.toContain('Visi baru');
    const working = (
      await t.http().get(`/api/v1/tenants/${opd.slug}/content/items/${pageItem.id}`).set(editor.auth)
    ).body;
    expect(working.fields.title).toBe('Visi dan Misi Dishub');
    expect(
      await asSuperuser(t.database, `SELECT 1 FROM content_items WHERE id = $1`, [draftItem.id]),
    ).toEqual([]);
  });

  it('undoes an import as a whole only while none of it was edited or used in Laman since', async () => {
    const platform = await t.given.platformSignedIn('platform_admin');
    const undo = (tenant: Tenant, importId: string) =>
      t
        .http()
        .post(`/api/v1/admin/tenants/${tenant.id}/wordpress-import/${importId}/undo`)
        .set(platform.auth);
    // The first OPD edited a page it imported: nothing is undone, and the page is named.
    const runs = await t.http().get(`/api/v1/admin/tenants/${opd.id}/wordpress-import`).set(platform.auth);
    const before = await counts();
    const refused = await undo(opd, runs.body.items[0].id);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'IMPORT_EDITED',
    });
    expect(refused.body.message).toContain('Visi dan Misi Dishub');
    expect(await counts()).toEqual(before);

    // Another OPD imports the same site; an editor uses an imported photo in an article of their own.
    const other = await t.given.tenant();
    const run = await importing(first, other);
    const editor = await t.given.memberSignedIn(other, 'editor');
    const library = await t.http().get(`/api/v1/tenants/${other.slug}/media`).set(editor.auth);
    const photoFile = library.body.items.find((file: { kind: string }) => file.kind === 'image');
    const own = await t
      .http()
      .post(`/api/v1/tenants/${other.slug}/content/berita`)
      .set(editor.auth)
      .send({
        fields: { ...sampleFields('berita', 'Tulisan Laman sendiri'), cover: { mediaId: photoFile.id } },
      });
    expect(own.status).toBe(201);
    const used = await undo(other, run.importId);
    expect({ status: used.status, message: used.body.message }).toEqual({
      status: 409,
      message: expect.stringContaining('Tulisan Laman sendiri'),
    });

    // Once the editor's article is gone, the undo removes all the import brought, live pages and files too.
    const removed = await t
      .http()
      .delete(`/api/v1/tenants/${other.slug}/content/items/${own.body.id}?version=${own.body.version}`)
      .set(editor.auth);
    expect(removed.status).toBe(204);
    const undone = await undo(other, run.importId);
    expect({ status: undone.status, state: undone.body.status }).toEqual({ status: 200, state: 'undone' });
    expect(await counts(other)).toEqual({ items: 0, media: 0, revisions: 0 });
    expect((await t.http().get(`/api/v1/public/${other.slug}/content?type=berita`)).body.total).toBe(0);
    expect(await new LocalDiskStorage(mediaDirOf(t.database)).list(other.id)).toEqual([]);
    const [tenant] = await asSuperuser<{ last: Date | null }>(
      t.database,
      `SELECT last_published_at AS last FROM tenants WHERE id = $1`,
      [other.id],
    );
    expect(tenant!.last).toBeNull();
    const again = await undo(other, run.importId);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'IMPORT_NOT_UNDOABLE',
    });
    // Imported again after the undo, everything comes back new.
    expect((await importing(first, other)).totals).toMatchObject({ created: 5, unchanged: 0 });
  }, 180_000);

  it('imports an export of WordPress 4 (WXR 1.1, classic editor) the same way', async () => {
    const older = await t.given.tenant();
    const text = wxrExport({ baseUrl: BASE, title: 'Dinas Perhubungan', wxrVersion: '1.1' }, [
      {
        id: 1,
        title: 'Pengumuman Lama',
        slug: 'pengumuman-lama',
        date: '2017-05-02 08:00:00',
        content: 'Paragraf satu.\n\nParagraf dua dengan [caption id="x"]teks keterangan[/caption].',
      },
      { id: 2, type: 'page', title: 'Sejarah Dinas', slug: 'sejarah', date: '2016-01-01 08:00:00' },
    ]);
    const run = await t.app
      .get(WordpressImportService)
      .importInto(older.id, actor(), () => Readable.from([Buffer.from(text)]));
    expect(run.totals).toMatchObject({ created: 2, failed: 0 });
    const item = (await t.http().get(`/api/v1/public/${older.slug}/content/berita/pengumuman-lama`)).body;
    expect(item.publishedAt).toBe('2017-05-02T01:00:00.000Z');
    expect(item.fields.bodyHtml).toContain('<p>Paragraf satu.</p>');
    expect(item.fields.bodyHtml).not.toContain('[caption');
    expect((await t.http().get(`/api/v1/public/${older.slug}/content/halaman/sejarah`)).status).toBe(200);
  });
});
