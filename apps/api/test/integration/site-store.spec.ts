import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SitePointers } from '../../src/modules/builds/site-pointers';
import { type RunningS3, startS3Server } from '../helpers/s3-server';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Built sites in object storage, piece by piece (without Astro: build folders written by hand), against an S3
 * server over HTTP: what a worker uploads, what an edge mirrors and serves, how pointers change under their
 * lock, and what pruning keeps. The whole chain with real builds: test/e2e/sites-object-storage.spec.ts.
 */
const SCRIPTS = path.resolve(__dirname, '../../../site/scripts');

describe('sites in object storage: store, mirror, edge and pointers', () => {
  let root: string;
  let s3: RunningS3;
  let t: TestApp;
  let settings: ConstructorParameters<typeof SitePointers>[0];
  let store: {
    pointer(slug: string): Promise<Record<string, unknown> | null>;
    listing(slug: string, build: string): Promise<{ files: Record<string, string> } | null>;
    prune(slug: string, keep: number, minAgeMs: number): Promise<number>;
    objects(prefix: string): AsyncIterable<{ Key: string }>;
  };
  let mirror: {
    uploadBuild(
      store: unknown,
      request: object,
    ): Promise<{ uploaded: number; hashed: number; files: number }>;
    mirrorBuild(store: unknown, request: object): Promise<boolean>;
  };
  let edge: {
    EdgeSync: new (
      store: unknown,
      out: string,
      log?: (entry: object) => void,
    ) => { pass(): Promise<{ applied: number; failed: number }> };
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-site-store-'));
    s3 = await startS3Server(root, 'laman-sites');
    settings = s3.settings;
    const { openSiteStore } = await import(path.join(SCRIPTS, 'site-store.mjs'));
    store = openSiteStore(settings);
    mirror = await import(path.join(SCRIPTS, 'site-mirror.mjs'));
    edge = await import(path.join(SCRIPTS, 'edge-sync.mjs'));
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** A build folder as the builder leaves it, with `pages` (path → text). */
  async function writeBuild(tenantDir: string, build: string, pages: Record<string, string>): Promise<void> {
    for (const [page, text] of Object.entries(pages)) {
      const file = path.join(tenantDir, 'builds', build, page);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  }

  const pointers = () => new SitePointers(settings);
  const inTransaction = <T>(work: (manager: TestApp['dataSource']['manager']) => Promise<T>) =>
    t.dataSource.transaction(work);

  it('uploads only new content, and an edge mirrors each build whole: shared content linked, nothing half-written seen', async () => {
    const worker = path.join(root, 'worker', 'dinas-a');
    const pages = { 'index.html': '<h1>Beranda 1</h1>', 'berita/a/index.html': '<p>Berita A</p>' };
    await writeBuild(worker, '100', pages);
    const first = await mirror.uploadBuild(store, { slug: 'dinas-a', tenantDir: worker, build: '100' });
    expect(first).toEqual({ uploaded: 2, hashed: 2, files: 2 });
    await writeBuild(worker, '200', { ...pages, 'index.html': '<h1>Beranda 2</h1>' });
    const base = await store.listing('dinas-a', '100');
    const second = await mirror.uploadBuild(store, {
      slug: 'dinas-a',
      tenantDir: worker,
      build: '200',
      base,
    });
    expect(second).toEqual({ uploaded: 1, hashed: 2, files: 2 });

    // A build that reuses a page as the builder does (a hard link to the base's file) takes the base's hash for
    // it; a file at the same path written anew (same size, other content) is read, and its new content sent.
    await writeBuild(worker, '250', { 'index.html': '<h1>Beranda 9</h1>' });
    await mkdir(path.join(worker, 'builds', '250', 'berita/a'), { recursive: true });
    await link(
      path.join(worker, 'builds', '200', 'berita/a/index.html'),
      path.join(worker, 'builds', '250', 'berita/a/index.html'),
    );
    const linked = await mirror.uploadBuild(store, {
      slug: 'dinas-a',
      tenantDir: worker,
      build: '250',
      base: await store.listing('dinas-a', '200'),
    });
    expect(linked).toEqual({ uploaded: 1, hashed: 1, files: 2 });
    const [before, after] = [
      (await store.listing('dinas-a', '200'))!,
      (await store.listing('dinas-a', '250'))!,
    ];
    expect(after.files['berita/a/index.html']).toBe(before.files['berita/a/index.html']);
    expect(after.files['index.html']).not.toBe(before.files['index.html']);

    const edgeDir = path.join(root, 'edge-1', 'dinas-a');
    expect(await mirror.mirrorBuild(store, { slug: 'dinas-a', tenantDir: edgeDir, build: '100' })).toBe(true);
    expect(await mirror.mirrorBuild(store, { slug: 'dinas-a', tenantDir: edgeDir, build: '200' })).toBe(true);
    expect(await readFile(path.join(edgeDir, 'builds', '200', 'index.html'), 'utf8')).toBe(
      '<h1>Beranda 2</h1>',
    );
    // The unchanged article is the same file as build 100's (a hard link), not a second download.
    const article = (build: string) => stat(path.join(edgeDir, 'builds', build, 'berita/a/index.html'));
    expect((await article('200')).ino).toBe((await article('100')).ino);
    expect(await mirror.mirrorBuild(store, { slug: 'dinas-a', tenantDir: edgeDir, build: '999' })).toBe(
      false,
    );

    // A build whose files are not all in the bucket fails to mirror and leaves no folder behind.
    await writeBuild(worker, '300', { 'index.html': '<h1>Beranda 3</h1>' });
    await mirror.uploadBuild(store, { slug: 'dinas-a', tenantDir: worker, build: '300' });
    const listing = (await store.listing('dinas-a', '300'))!;
    const broken = { ...listing, build: '301', files: { ...listing.files, 'hilang.html': 'f'.repeat(64) } };
    const { openSiteStore } = await import(path.join(SCRIPTS, 'site-store.mjs'));
    await openSiteStore(settings).putListing('dinas-a', '301', broken);
    await expect(
      mirror.mirrorBuild(store, { slug: 'dinas-a', tenantDir: edgeDir, build: '301' }),
    ).rejects.toThrow();
    expect(existsSync(path.join(edgeDir, 'builds', '301'))).toBe(false);
  });

  it('attack: a listing or pointer naming paths outside its build writes nothing outside it on an edge', async () => {
    const { openSiteStore } = await import(path.join(SCRIPTS, 'site-store.mjs'));
    const writer = openSiteStore(settings);
    const worker = path.join(root, 'worker', 'dinas-x');
    await writeBuild(worker, '100', { 'index.html': '<h1>Dinas X</h1>' });
    await mirror.uploadBuild(store, { slug: 'dinas-x', tenantDir: worker, build: '100' });
    const listing = (await store.listing('dinas-x', '100'))!;
    const hash = Object.values(listing.files)[0]!;
    const edgeRoot = path.join(root, 'edge-attack');
    const tenantDir = path.join(edgeRoot, 'dinas-x');
    for (const file of ['../../_domains/korban.kota.go.id/index.html', '/etc/laman.html', 'a/./b.html']) {
      await writer.putListing('dinas-x', '101', { ...listing, build: '101', files: { [file]: hash } });
      await expect(mirror.mirrorBuild(store, { slug: 'dinas-x', tenantDir, build: '101' })).rejects.toThrow(
        /outside its build/,
      );
    }
    await writer.putListing('dinas-x', '102', { ...listing, build: '102', files: { 'index.html': '../x' } });
    await expect(mirror.mirrorBuild(store, { slug: 'dinas-x', tenantDir, build: '102' })).rejects.toThrow(
      /bad hash/,
    );
    await expect(mirror.mirrorBuild(store, { slug: 'dinas-x', tenantDir, build: '../100' })).rejects.toThrow(
      /build id/,
    );
    const { applyPointer } = await import(path.join(SCRIPTS, 'edge-sync.mjs'));
    for (const [slug, pointer] of [
      ['../dinas-x', { build: '100', hosts: [] }],
      ['dinas-x', { build: '100', hosts: ['../../etc'] }],
      ['dinas-x', { build: '100', hosts: [], formerSlugs: ['..'] }],
    ] as const)
      await expect(applyPointer(store, edgeRoot, slug, pointer)).rejects.toThrow(/not an? /);
    expect(existsSync(path.join(edgeRoot, '_domains'))).toBe(false);
    expect(existsSync(path.join(root, '_domains'))).toBe(false);
    expect(existsSync(path.join(tenantDir, 'builds'))).toBe(false);
  });

  it('an edge applies each pointer once: the site and its hosts, suspension, and a renamed OPD', async () => {
    const worker = path.join(root, 'worker', 'dinas-b');
    await writeBuild(worker, '100', { 'index.html': '<h1>Dinas B</h1>' });
    await mirror.uploadBuild(store, { slug: 'dinas-b', tenantDir: worker, build: '100' });
    const out = path.join(root, 'edge-2');
    const sync = new edge.EdgeSync(store, out, () => undefined);
    const hosts = ['dinas-b.kota.go.id', 'dinas-b.contoh.go.id'];
    await inTransaction((manager) =>
      pointers().publish(manager, 'dinas-b', { build: '100', hosts, formerSlugs: [] }),
    );
    expect((await sync.pass()).failed).toBe(0);
    for (const host of hosts)
      expect(await readFile(path.join(out, '_domains', host, 'index.html'), 'utf8')).toBe('<h1>Dinas B</h1>');
    const again = await sync.pass();
    expect(again.applied).toBe(0);

    await inTransaction((manager) => pointers().suspend(manager, 'dinas-b', '<p>Ditangguhkan</p>'));
    await sync.pass();
    expect(await readlink(path.join(out, 'dinas-b', 'live'))).toBe('suspended');
    expect(await readFile(path.join(out, '_domains', hosts[0]!, '.laman-suspended.html'), 'utf8')).toBe(
      '<p>Ditangguhkan</p>',
    );
    await inTransaction((manager) => pointers().resume(manager, 'dinas-b'));
    await sync.pass();
    expect(await readFile(path.join(out, '_domains', hosts[0]!, 'index.html'), 'utf8')).toBe(
      '<h1>Dinas B</h1>',
    );

    // Renamed: the new slug's pointer names the old one; the old folder and host stop serving the old site.
    const renamed = path.join(root, 'worker', 'dinas-b-baru');
    await writeBuild(renamed, '200', { 'index.html': '<h1>Dinas B baru</h1>' });
    await mirror.uploadBuild(store, { slug: 'dinas-b-baru', tenantDir: renamed, build: '200' });
    await inTransaction((manager) =>
      pointers().publish(manager, 'dinas-b-baru', {
        build: '200',
        hosts: ['dinas-b-baru.kota.go.id', 'dinas-b.contoh.go.id'],
        formerSlugs: ['dinas-b'],
      }),
    );
    await sync.pass();
    expect(await readlink(path.join(out, 'dinas-b'))).toBe('dinas-b-baru');
    expect(existsSync(path.join(out, '_domains', 'dinas-b.kota.go.id'))).toBe(false);
    expect(await readFile(path.join(out, '_domains', 'dinas-b.contoh.go.id', 'index.html'), 'utf8')).toBe(
      '<h1>Dinas B baru</h1>',
    );
  });

  it('never loses a pointer change: builds, rollbacks and suspension at once, each under the lock', async () => {
    const changes = [
      ...Array.from({ length: 8 }, (_, index) =>
        inTransaction((manager) =>
          pointers().publish(manager, 'dinas-c', {
            build: `${index + 1}`,
            hosts: ['c.kota.go.id'],
            formerSlugs: [],
          }),
        ),
      ),
      inTransaction((manager) => pointers().suspend(manager, 'dinas-c', '<p>Ditangguhkan</p>')),
    ];
    await Promise.all(changes);
    const pointer = await pointers().read('dinas-c');
    expect(pointer).toMatchObject({
      suspended: true,
      suspendedPage: '<p>Ditangguhkan</p>',
      hosts: ['c.kota.go.id'],
    });
    expect(Number(pointer!.build)).toBeGreaterThan(0);
  });

  it('prunes the bucket to the newest builds and the live one, deleting only files nothing kept uses', async () => {
    const worker = path.join(root, 'worker', 'dinas-d');
    let base = null;
    for (const build of ['1', '2', '3', '4', '5']) {
      await writeBuild(worker, build, { 'index.html': `<h1>Versi ${build}</h1>`, 'tetap.css': 'body{}' });
      await mirror.uploadBuild(store, { slug: 'dinas-d', tenantDir: worker, build, base });
      base = await store.listing('dinas-d', build);
    }
    // Rolled back to build 1: it stays, as do the newest three.
    await inTransaction((manager) => pointers().makeLive(manager, 'dinas-d', '1'));
    const files = async () => {
      const keys: string[] = [];
      for await (const object of store.objects('dinas-d/')) keys.push(object.Key);
      return keys;
    };
    expect(await store.prune('dinas-d', 3, 60_000)).toBe(1);
    expect((await files()).filter((key) => key.includes('/builds/')).sort()).toEqual(
      ['1', '3', '4', '5'].map((build) => `dinas-d/builds/${build}.json`),
    );
    // Build 2's page is used by no kept build, but young: it may belong to an upload in progress.
    expect((await files()).filter((key) => key.includes('/files/'))).toHaveLength(6);
    expect(await store.prune('dinas-d', 3, 0)).toBe(1);
    expect((await files()).filter((key) => key.includes('/files/'))).toHaveLength(5);
    expect(await store.listing('dinas-d', '1')).not.toBeNull();
  });
});
