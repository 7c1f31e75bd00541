import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { LaterVariants } from '../../src/modules/media/later-variants';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { smallJpeg } from '../helpers/media-corpus';
import { asSuperuser } from '../helpers/superuser';
import { mediaDirOf, startTestApp, type TestApp } from '../helpers/test-app';

interface MediaBody {
  id: string;
  url: string;
  files: Array<{ name: string; url: string }>;
}

/**
 * Attack class: reaching what has not passed the workflow through the media address. Every stored variant of
 * a file is tried at its plain public address (as anyone holding a leaked link would), before publishing,
 * while published, and after withdrawal; signed addresses are forged, expired and moved to another file; and a
 * refused upload must leave no file, folder or row behind.
 */
describe('security: unpublished media', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  const content = () => `/api/v1/tenants/${tenant.slug}/content`;
  const relative = (url: string) => new URL(url).pathname + new URL(url).search;
  const plain = (url: string) => new URL(url).pathname;
  const fetchAnonymously = (url: string) => t.http().get(url);

  async function upload(alt = 'Foto kegiatan'): Promise<MediaBody> {
    const response = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/media`)
      .set(editor.auth)
      .field({ alt })
      .attach('file', await smallJpeg(), 'foto.jpg');
    expect(response.status).toBe(201);
    return response.body as MediaBody;
  }

  async function statuses(media: MediaBody, address: (url: string) => string): Promise<number[]> {
    return Promise.all(media.files.map(async (file) => (await fetchAnonymously(address(file.url))).status));
  }

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
  });
  afterAll(() => t.close());

  it('attack: fetch a just-uploaded photo (every variant) by its plain address — 404 until published; the editor’s signed address works, privately cached', async () => {
    const photo = await upload();
    expect(photo.files.length).toBeGreaterThanOrEqual(2);
    expect(await statuses(photo, plain)).toEqual(photo.files.map(() => 404));
    const signed = await fetchAnonymously(relative(photo.url));
    expect(signed.status).toBe(200);
    expect(signed.headers['cache-control']).toBe('private, max-age=3600');
    expect(await statuses(photo, relative)).toEqual(photo.files.map(() => 200));
  });

  it('attack: forge, stretch or move a signature — 404', async () => {
    const [photo, other] = [await upload(), await upload()];
    const signed = new URL(photo.url);
    const expires = signed.searchParams.get('e')!;
    const signature = signed.searchParams.get('s')!;
    const otherPath = plain(other.url);
    for (const forged of [
      `${signed.pathname}?e=${expires}&s=${signature.slice(0, -2)}xx`,
      `${signed.pathname}?e=${Number(expires) + 3_600_000}&s=${signature}`,
      `${signed.pathname}?e=${Date.now() - 1000}&s=${signature}`,
      `${otherPath}?e=${expires}&s=${signature}`,
      `${signed.pathname}?s=${signature}`,
    ]) {
      expect({ forged, status: (await fetchAnonymously(forged)).status }).toEqual({ forged, status: 404 });
    }
  });

  it('attack: fetch a draft’s cover photo by its plain address — 404; public once published (cover or rich text), 404 again once withdrawn', async () => {
    const cover = await upload('Sampul');
    const inline = await upload('Foto di isi berita');
    const fields = {
      ...sampleFields('berita', 'Berita dengan foto belum terbit'),
      cover: { mediaId: cover.id },
      // In rich text a photo is referred to by its plain address, as the editor inserts it.
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Isi.' }] },
          {
            type: 'image',
            attrs: { src: `${new URL(inline.url).origin}${plain(inline.url)}`, alt: 'Foto di isi' },
          },
        ],
      },
    };
    const draft = await t.http().post(`${content()}/berita`).set(editor.auth).send({ fields });
    expect(draft.status).toBe(201);
    expect(await statuses(cover, plain)).toEqual(cover.files.map(() => 404));
    expect((await fetchAnonymously(plain(inline.url))).status).toBe(404);

    const published = await t
      .http()
      .post(`${content()}/items/${draft.body.id}/publish`)
      .set(editor.auth)
      .send({ version: draft.body.version });
    expect(published.status).toBe(200);
    expect(await statuses(cover, plain)).toEqual(cover.files.map(() => 200));
    const live = await fetchAnonymously(plain(inline.url));
    expect(live.status).toBe(200);
    expect(live.headers['cache-control']).toContain('public');

    const withdrawn = await t
      .http()
      .post(`${content()}/items/${draft.body.id}/unpublish`)
      .set(editor.auth)
      .send({ version: published.body.version });
    expect(withdrawn.status).toBe(200);
    expect(await statuses(cover, plain)).toEqual(cover.files.map(() => 404));
  });

  it('attack: upload files the library refuses — no file, folder or row is left behind', async () => {
    const existing = await upload();
    // Its second stage (AVIF, large sizes) lands after the upload answered: let it, then take the picture.
    await t.app.get(LaterVariants).settled();
    const root = mediaDirOf(t.database);
    const before = await listTree(root);
    const rows = async () =>
      (await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM media`))[0]!.n;
    const rowsBefore = await rows();
    for (const [name, bytes] of [
      ['bukan-foto.jpg', Buffer.from('<html><script>alert(1)</script></html>')],
      ['kosong.png', Buffer.alloc(0)],
      ['program.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')],
    ] as const) {
      const refused = await t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/media`)
        .set(editor.auth)
        .attach('file', bytes, name);
      expect({ name, status: refused.status }).toEqual({ name, status: expect.any(Number) });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    }
    // Refused after its variants were already stored: a replacement at a stale version.
    const stale = await t
      .http()
      .put(`/api/v1/tenants/${tenant.slug}/media/${existing.id}/file`)
      .set(editor.auth)
      .field('version', '99')
      .attach('file', await smallJpeg(), 'pengganti.jpg');
    expect(stale.status).toBe(409);
    expect(await rows()).toBe(rowsBefore);
    expect(await listTree(root)).toEqual(before);
  });
});

async function listTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))).sort();
}
