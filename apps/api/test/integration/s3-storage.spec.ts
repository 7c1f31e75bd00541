import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Storage } from '../../src/modules/media/storage/s3.storage';
import { smallJpeg } from '../helpers/media-corpus';
import { type RunningS3, startS3Server } from '../helpers/s3-server';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The S3 driver against a real S3-protocol server over HTTP (s3rver, in-process). MinIO speaks the same
 * protocol; docker-compose wires the driver to MinIO in production.
 */
describe('S3-compatible media storage', () => {
  let folder: string;
  let server: RunningS3;
  let storage: S3Storage;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'laman-s3-'));
    server = await startS3Server(folder, 'laman-media');
    storage = new S3Storage(server.settings);
  });
  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('stores a file from disk, streams it back, lists by prefix and deletes', async () => {
    const source = path.join(folder, 'laporan.pdf');
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, 65)]);
    await writeFile(source, content);
    await storage.putFile('tenant-a/media-1/tok/file.pdf', source, 'application/pdf');
    await storage.putFile('tenant-a/media-1/tok/full.jpg', source, 'image/jpeg');
    await storage.putFile('tenant-b/media-2/tok/file.pdf', source, 'application/pdf');

    const read = await storage.read('tenant-a/media-1/tok/file.pdf');
    expect(read?.bytes).toBe(content.length);
    const chunks: Buffer[] = [];
    for await (const chunk of read!.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);

    expect((await storage.list('tenant-a/')).sort()).toEqual([
      'tenant-a/media-1/tok/file.pdf',
      'tenant-a/media-1/tok/full.jpg',
    ]);
    await storage.delete(['tenant-a/media-1/tok/file.pdf', 'tenant-a/media-1/tok/full.jpg']);
    expect(await storage.list('tenant-a/')).toEqual([]);
    expect(await storage.read('tenant-a/media-1/tok/file.pdf')).toBeNull();
    expect(await storage.list('tenant-b/')).toEqual(['tenant-b/media-2/tok/file.pdf']);
  });
});

describe('the API with MEDIA_STORAGE=s3', () => {
  let folder: string;
  let server: RunningS3;
  let t: TestApp;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'laman-s3-app-'));
    server = await startS3Server(folder);
    t = await startTestApp({ MEDIA_STORAGE: 's3', S3_BUCKET: 'laman-media', ...server.env });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('creates its bucket, stores uploads there, serves them and deletes them', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const uploaded = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/media`)
      .set(editor.auth)
      .field('alt', 'Logo')
      .attach('file', await smallJpeg(), 'logo.jpg');
    expect(uploaded.status).toBe(201);
    // Not published: served on the signed address the library answered with.
    const signed = new URL(uploaded.body.url);
    const file = await t.http().get(signed.pathname + signed.search);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const deleted = await t
      .http()
      .delete(`/api/v1/tenants/${tenant.slug}/media/${uploaded.body.id}?version=1`)
      .set(editor.auth);
    expect(deleted.status).toBe(204);
    expect((await t.http().get(signed.pathname + signed.search)).status).toBe(404);
  });
});
