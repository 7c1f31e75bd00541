import { LaterVariants } from '../../src/modules/media/later-variants';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { mediaAddresses } from '../helpers/media-addresses';
import { publishItem } from '../helpers/sample-site';
import { phonePhoto, smallJpeg, smallPng } from '../helpers/media-corpus';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('media in content', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  const content = () => `/api/v1/tenants/${tenant.slug}/content`;
  const media = () => `/api/v1/tenants/${tenant.slug}/media`;
  const uploadImage = async (alt?: string) =>
    (
      await t
        .http()
        .post(media())
        .set(editor.auth)
        .field(alt ? { alt } : {})
        .attach('file', await smallJpeg(), 'foto.jpg')
    ).body;
  const draftWithCover = async (title: string, cover: object) =>
    (
      await t
        .http()
        .post(`${content()}/berita`)
        .set(editor.auth)
        .send({ fields: { ...sampleFields('berita', title), cover } })
    ).body;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
  });
  afterAll(() => t.close());

  it('refuses to publish a photo without alt text, then publishes it with srcset ready for the site', async () => {
    const photo = await uploadImage();
    const item = await draftWithCover('Berita dengan foto', { mediaId: photo.id, caption: 'Suasana rapat' });
    const refused = await t
      .http()
      .post(`${content()}/items/${item.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ field: 'fields.cover.alt', constraint: 'altRequired' }),
    ]);

    await t
      .http()
      .patch(`${media()}/${photo.id}`)
      .set(editor.auth)
      .send({ version: 1, alt: 'Peserta rapat koordinasi' });
    const published = await t
      .http()
      .post(`${content()}/items/${item.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    expect(published.status).toBe(200);
    const live = await t.http().get(`/api/v1/public/${tenant.slug}/content/berita/${item.slug}`);
    expect(live.body.fields.cover).toMatchObject({
      mediaId: photo.id,
      alt: 'Peserta rapat koordinasi',
      caption: 'Suasana rapat',
      width: 64,
      height: 48,
      srcset: { avif: expect.any(String), webp: expect.any(String), jpeg: expect.any(String) },
    });
    expect((await t.http().get(new URL(live.body.fields.cover.url).pathname)).status).toBe(200);
  });

  it('publishes a phone photo at once with what a page needs, and its public answer gains AVIF and large sizes after', async () => {
    const uploaded = await t
      .http()
      .post(media())
      .set(editor.auth)
      .field({ alt: 'Pelayanan keliling di kelurahan' })
      .attach('file', await phonePhoto(), 'IMG_20261130.jpg');
    expect(uploaded.status).toBe(201);
    const item = await publishItem(t, tenant, editor, 'berita', {
      ...sampleFields('berita', 'Pelayanan keliling'),
      cover: { mediaId: uploaded.body.id },
    });
    const cover = async () =>
      (await t.http().get(`/api/v1/public/${tenant.slug}/content/berita/${item.slug}`)).body.fields.cover;
    const served = (value: { url: string; srcset: Record<string, string> }) =>
      Promise.all(
        mediaAddresses(value).map(async (address) => (await t.http().get(new URL(address).pathname)).status),
      );
    // Whichever stage it is at, the public answer lists only files that are served.
    const early = await cover();
    expect((await served(early)).every((status) => status === 200)).toBe(true);

    await t.app.get(LaterVariants).settled();
    const later = await cover();
    expect(later.srcset.avif).toMatch(/w1600\.avif 1600w$/);
    expect(later.url).toMatch(/full\.jpg$/);
    expect((await served(later)).every((status) => status === 200)).toBe(true);
    // AVIF variants of a 12 MP photo are CPU-bound: past 60 s once while a national bench shared the two cores.
  }, 240_000);

  it("refuses a media id that is not in this OPD's library, another OPD's included", async () => {
    const other = await t.given.tenant();
    const otherEditor = await t.given.memberSignedIn(other, 'editor');
    const foreign = (
      await t
        .http()
        .post(`/api/v1/tenants/${other.slug}/media`)
        .set(otherEditor.auth)
        .field('alt', 'x')
        .attach('file', await smallJpeg(), 'x.jpg')
    ).body;
    for (const mediaId of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const item = await draftWithCover(`Berita foto asing ${mediaId.slice(0, 4)}`, { mediaId, alt: 'Foto' });
      const refused = await t
        .http()
        .post(`${content()}/items/${item.id}/publish`)
        .set(editor.auth)
        .send({ version: 1 });
      expect(refused.body.details).toEqual([
        expect.objectContaining({ field: 'fields.cover.mediaId', constraint: 'mediaExists' }),
      ]);
    }
  });

  it('refuses deleting a file that live content uses, naming the content; a replacement shows at once', async () => {
    const photo = await uploadImage('Gedung kantor');
    const item = await draftWithCover('Berita gedung baru', { mediaId: photo.id });
    await t.http().post(`${content()}/items/${item.id}/publish`).set(editor.auth).send({ version: 1 });

    const usage = await t.http().get(`${media()}/${photo.id}/usage`).set(editor.auth);
    expect(usage.body).toEqual([
      expect.objectContaining({ itemId: item.id, title: 'Berita gedung baru', live: true }),
    ]);
    const refused = await t.http().delete(`${media()}/${photo.id}?version=1`).set(editor.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('"Berita gedung baru"');

    const before = (await t.http().get(`/api/v1/public/${tenant.slug}/content/berita/${item.slug}`)).body
      .fields.cover.url;
    const replaced = await t
      .http()
      .put(`${media()}/${photo.id}/file`)
      .set(editor.auth)
      .field('version', '1')
      .attach('file', await smallPng(), 'gedung.png');
    expect(replaced.status).toBe(200);
    const after = (await t.http().get(`/api/v1/public/${tenant.slug}/content/berita/${item.slug}`)).body
      .fields.cover;
    expect(after.url).not.toBe(before);
    expect(after.width).toBe(32);
    expect((await t.http().get(new URL(after.url).pathname)).status).toBe(200);
  });
});
