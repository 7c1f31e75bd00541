import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { uploadDemoFile } from '../../src/demo/demo-files';
import { LaterVariants } from '../../src/modules/media/later-variants';
import { MediaService } from '../../src/modules/media/media.service';
import { LocalDiskStorage } from '../../src/modules/media/storage/local-disk.storage';
import { type SignedIn } from '../helpers/given';
import { mediaAddresses } from '../helpers/media-addresses';
import {
  hasGpsPointer,
  pdf,
  phonePhoto,
  pixelBombPng,
  smallJpeg,
  smallPng,
  zipArchive,
} from '../helpers/media-corpus';
import { mediaDirOf, startTestApp, type TestApp } from '../helpers/test-app';

/** A file's address on this server, signature included (the library's own addresses are signed). */
function local(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

describe('media library', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  const upload = (content: Buffer, filename: string, fields: Record<string, string> = {}) => {
    let call = t.http().post(`/api/v1/tenants/${tenant.slug}/media`).set(editor.auth);
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    return call.attach('file', content, { filename, contentType: 'application/octet-stream' });
  };
  const leftovers = async () => ({
    stored: await new LocalDiskStorage(mediaDirOf(t.database)).list(tenant.id),
    rows: (
      await t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
        return manager.query(`SELECT count(*)::int AS n FROM media`);
      })
    )[0].n,
    incoming: (await readdir(path.join(mediaDirOf(t.database), '.incoming'))).length,
  });

  beforeAll(async () => {
    t = await startTestApp({ MEDIA_MAX_IMAGE_MB: '12', MEDIA_MAX_DOCUMENT_MB: '1' });
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
  });
  afterAll(() => t.close());

  /** Every file a media answer lists (its srcset and its address too) is served, and is what it says. */
  async function expectServedAsListed(media: {
    url: string;
    srcset: Record<string, string>;
    files: Array<{ name: string; url: string; width: number; height: number }>;
  }) {
    const listed = new Set(media.files.map((file) => file.url));
    for (const url of mediaAddresses(media))
      expect({ url, listed: listed.has(url) }).toEqual({ url, listed: true });
    for (const file of media.files) {
      const fetched = await t
        .http()
        .get(local(file.url))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(fetched.status).toBe(200);
      // Not published yet: served on its signed address, and only into the editor's own browser cache.
      expect(fetched.headers['cache-control']).toBe('private, max-age=3600');
      expect(fetched.headers['x-content-type-options']).toBe('nosniff');
      // Embedded by the OPD sites, which are other origins.
      expect(fetched.headers['cross-origin-resource-policy']).toBe('cross-origin');
      const metadata = await sharp(fetched.body as Buffer).metadata();
      expect({ name: file.name, width: metadata.width, height: metadata.height }).toEqual({
        name: file.name,
        width: file.width,
        height: file.height,
      });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation ?? 1).toBe(1);
    }
  }

  it('turns a phone photo into variants for every width and format, orientation applied, EXIF and GPS gone', async () => {
    const photo = await phonePhoto();
    const original = await sharp(photo).metadata();
    expect({ orientation: original.orientation, gps: hasGpsPointer(original.exif) }).toEqual({
      orientation: 6,
      gps: true,
    });
    const response = await upload(photo, 'IMG_20261128_091500.jpg', {
      alt: 'Warga antre di loket Disdukcapil',
      caption: 'Antrean pagi',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'image',
      width: 3000,
      height: 4000,
      alt: 'Warga antre di loket Disdukcapil',
      fileName: 'IMG_20261128_091500.jpg',
    });
    expect(response.body.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(response.body.placeholder).toMatch(/^data:image\/webp;base64,/);
    // First what a page needs (WebP and JPEG up to 1,024 px), answered at once; AVIF and the large sizes after.
    const firstStage = ['w1024.jpg', 'w1024.webp', 'w320.jpg', 'w320.webp', 'w640.jpg', 'w640.webp'];
    expect(response.body.files.map((file: { name: string }) => file.name).sort()).toEqual(firstStage);
    expect(response.body.srcset.avif).toBe('');
    expect(response.body.url).toContain('w1024.jpg');
    await expectServedAsListed(response.body);

    await t.app.get(LaterVariants).settled();
    const finished = await t
      .http()
      .get(`/api/v1/tenants/${tenant.slug}/media/${response.body.id}`)
      .set(editor.auth);
    expect(finished.body.files.map((file: { name: string }) => file.name).sort()).toEqual([
      'full.jpg',
      'full.webp',
      'w1024.avif',
      'w1024.jpg',
      'w1024.webp',
      'w1600.avif',
      'w1600.jpg',
      'w1600.webp',
      'w320.avif',
      'w320.jpg',
      'w320.webp',
      'w640.avif',
      'w640.jpg',
      'w640.webp',
    ]);
    expect(finished.body.srcset.avif).toMatch(
      /w320\.avif\S* 320w, .*w640\.avif\S* 640w, .*w1024\.avif\S* 1024w, .*w1600\.avif\S* 1600w$/,
    );
    expect(finished.body.url).toContain('full.jpg');
    await expectServedAsListed(finished.body);
    const w640 = response.body.files.find((file: { name: string }) => file.name === 'w640.webp');
    expect({ width: w640.width, height: w640.height }).toEqual({ width: 640, height: 853 });
    // Every width and format of a 12 MP photo is CPU-bound: past 60 s once on two cores shared with a bench.
  }, 240_000);

  it("finishes a photo's second stage even when the caller removes its upload folder at once (the demo seeder does)", async () => {
    const context = {
      tenantId: tenant.id,
      slug: tenant.slug,
      status: 'active' as const,
      role: 'editor' as const,
      duties: [],
      actor: {
        userId: editor.user.id,
        sessionId: '',
        email: editor.email,
        name: 'Editor',
        platformRole: null,
      },
    };
    const id = await uploadDemoFile(t.app.get(MediaService), context, 'foto-demo.jpg', await phonePhoto(), {
      alt: 'Foto dari pengisi data contoh',
    });
    await t.app.get(LaterVariants).settled();
    const finished = await t.http().get(`/api/v1/tenants/${tenant.slug}/media/${id}`).set(editor.auth);
    expect(finished.body.files).toHaveLength(14);
    await expectServedAsListed(finished.body);
    expect(await readdir(path.join(mediaDirOf(t.database), '.later'))).toEqual([]);
    // Every width and format of a 12 MP photo is CPU-bound: past 60 s once on two cores shared with a bench.
  }, 240_000);

  const corpus: Array<[string, () => Promise<Buffer> | Buffer, string, number, RegExp]> = [
    [
      'a JPEG carrying a PHP/HTML payload',
      async () =>
        Buffer.concat([
          await smallJpeg(),
          Buffer.from('<?php system($_GET["c"]); ?><html><script>alert(1)</script>'),
        ]),
      'foto.jpg',
      415,
      /poliglot/,
    ],
    [
      'an HTML page renamed .jpg',
      () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
      'foto.jpg',
      415,
      /tidak diterima/,
    ],
    [
      'an SVG with script',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.svg',
      415,
      /SVG tidak diterima/,
    ],
    ['a pixel bomb PNG', () => pixelBombPng(), 'bom.png', 413, /megapiksel/],
    ['a ZIP renamed .docx', () => zipArchive(), 'laporan.docx', 415, /Arsip \(ZIP\)/],
    ['a PNG named .jpg', () => smallPng(), 'foto.jpg', 415, /tidak cocok dengan isi berkas \(PNG\)/],
    ['an empty file', () => Buffer.alloc(0), 'kosong.pdf', 400, /kosong/],
    [
      'a document over its type limit',
      () => Buffer.concat([pdf(), Buffer.alloc(2 * 1024 * 1024, 32)]),
      'besar.pdf',
      413,
      /dokumen maksimal 1 MB/,
    ],
    [
      'a file over the upload limit',
      () => Buffer.concat([pdf(), Buffer.alloc(13 * 1024 * 1024, 32)]),
      'raksasa.pdf',
      413,
      /batas unggah 12 MB/,
    ],
    [
      'an executable',
      () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000)]),
      'setup.exe',
      415,
      /tidak diterima/,
    ],
    [
      '/etc/passwd by path traversal',
      () => Buffer.from('root:x:0:0:root:/root:/bin/bash\n'),
      '../../etc/passwd',
      415,
      /tidak diterima/,
    ],
    ['a name with a NUL byte', () => smallJpeg(), 'a\u0000.jpg', 400, /.*/],
  ];

  it.each(corpus)(
    'refuses %s with the right 4xx and leaves nothing behind',
    async (_label, make, filename, status, message) => {
      const before = await leftovers();
      const response = await upload(await make(), filename);
      expect(response.status).toBe(status);
      expect(JSON.stringify(response.body)).toMatch(message);
      expect(await leftovers()).toEqual(before);
    },
  );

  it('keeps only the base name of a file name that tries to climb folders', async () => {
    const response = await upload(await smallPng(), '../../../etc/logo.png');
    expect(response.status).toBe(201);
    expect(response.body.fileName).toBe('logo.png');
    expect(
      response.body.files.every((file: { url: string }) =>
        new URL(file.url).pathname.startsWith(`/api/v1/public/${tenant.slug}/media/${response.body.id}/`),
      ),
    ).toBe(true);
  });

  it('stores a PDF with JavaScript but serves it only as a download', async () => {
    const response = await upload(pdf(true), 'Renja 2026.pdf');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'document',
      hasScript: true,
      pageCount: 1,
      mimeType: 'application/pdf',
      fileName: 'Renja 2026.pdf',
    });
    const file = await t.http().get(local(response.body.url));
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''Renja%202026.pdf");
  });

  it('gives a PDF its page count and a thumbnail of page 1, rendered offline', async () => {
    const response = await upload(pdf(), 'Maklumat Pelayanan.pdf');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ pageCount: 1, hasScript: false });
    expect(response.body.files.map((file: { name: string }) => file.name).sort()).toEqual([
      'file.pdf',
      'thumb.webp',
    ]);
    const thumb = await t
      .http()
      .get(local(response.body.thumbnailUrl))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['content-disposition']).toMatch(/^inline/);
    const metadata = await sharp(thumb.body as Buffer).metadata();
    expect({ width: metadata.width, height: metadata.height }).toEqual({ width: 480, height: 680 });
  });

  it('describes, lists, replaces keeping the id, and deletes media', async () => {
    const created = await upload(await smallJpeg(), 'spanduk.jpg');
    const id = created.body.id;
    const described = await t
      .http()
      .patch(`/api/v1/tenants/${tenant.slug}/media/${id}`)
      .set(editor.auth)
      .send({ version: 1, alt: 'Spanduk HUT kota' });
    expect(described.body).toMatchObject({ alt: 'Spanduk HUT kota', version: 2 });
    const listed = await t
      .http()
      .get(`/api/v1/tenants/${tenant.slug}/media?kind=image&q=spanduk`)
      .set(editor.auth);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const oldUrl = local(described.body.url);
    const replaced = await t
      .http()
      .put(`/api/v1/tenants/${tenant.slug}/media/${id}/file`)
      .set(editor.auth)
      .field('version', '2')
      .attach('file', await smallPng(), 'spanduk-baru.png');
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id,
      version: 3,
      fileName: 'spanduk-baru.png',
      alt: 'Spanduk HUT kota',
    });
    expect((await t.http().get(oldUrl)).status).toBe(404);
    await expectServedAsListed(replaced.body);
    const wrongKind = await t
      .http()
      .put(`/api/v1/tenants/${tenant.slug}/media/${id}/file`)
      .set(editor.auth)
      .field('version', '3')
      .attach('file', pdf(), 'x.pdf');
    expect(wrongKind.status).toBe(415);

    expect(
      (await t.http().delete(`/api/v1/tenants/${tenant.slug}/media/${id}?version=3`).set(editor.auth)).status,
    ).toBe(204);
    expect((await t.http().get(local(replaced.body.url))).status).toBe(404);
    expect(await new LocalDiskStorage(mediaDirOf(t.database)).list(`${tenant.id}/${id}`)).toEqual([]);
  });

  it("never serves one tenant's file under another tenant's address", async () => {
    const created = await upload(await smallJpeg(), 'rahasia.jpg');
    const other = await t.given.tenant();
    const foreign = new URL(created.body.url).pathname.replace(
      `/public/${tenant.slug}/`,
      `/public/${other.slug}/`,
    );
    expect((await t.http().get(foreign)).status).toBe(404);
    const wrongToken = new URL(created.body.url).pathname.replace(
      /\/[\w-]{8}\/full\.jpg$/,
      '/AAAAAAAA/full.jpg',
    );
    expect((await t.http().get(wrongToken)).status).toBe(404);
    const otherAdmin = await t.given.memberSignedIn(other, 'tenant_admin');
    expect(
      (await t.http().get(`/api/v1/tenants/${other.slug}/media/${created.body.id}`).set(otherAdmin.auth))
        .status,
    ).toBe(404);
  });
});

describe('media quota', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MEDIA_TENANT_QUOTA_MB: '1' });
  });
  afterAll(() => t.close());

  it('refuses an upload that would exceed the OPD quota, naming it', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const big = Buffer.concat([pdf(), Buffer.alloc(700 * 1024, 32)]);
    const first = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/media`)
      .set(editor.auth)
      .attach('file', big, 'a.pdf');
    expect(first.status).toBe(201);
    const second = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/media`)
      .set(editor.auth)
      .attach('file', big, 'b.pdf');
    expect(second.status).toBe(413);
    expect(second.body.message).toMatch(/Kuota penyimpanan OPD \(1 MB\)/);
  });
});
