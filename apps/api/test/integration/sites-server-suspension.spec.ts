import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Server } from 'node:http';
import { type EntityManager } from 'typeorm';
import { startSitesServer } from '../../src/bin/sites-server';
import { SiteFolders } from '../../src/modules/builds/site-folders';
import { suspendedPage } from '../../src/modules/builds/suspended-page';

/**
 * The emergency switch on `pnpm start`'s sites server (nginx is tested with the production template in
 * test/e2e/nginx-sites.spec.ts): suspension answers every address with 503 and the suspension page at once;
 * reactivation brings back the build that was live; a build finishing while suspended does not bring it up.
 */
describe('suspending an OPD takes its site down (local sites server)', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const folders = () => new SiteFolders(dir);
  /** The shared-disk switch takes no lock: it never reads the transaction it is given. */
  const NO_TRANSACTION = {} as EntityManager;

  async function build(slug: string, id: string, text: string): Promise<void> {
    const folder = path.join(dir, slug, 'builds', id);
    await mkdir(path.join(folder, 'berita'), { recursive: true });
    await writeFile(path.join(folder, 'index.html'), `<h1>${text}</h1>`);
    await writeFile(path.join(folder, 'berita', 'index.html'), `<h1>Berita ${text}</h1>`);
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'laman-sites-suspend-'));
    await build('dinas-uji', '1', 'Beranda Dinas Uji');
    await symlink(path.join('builds', '1'), path.join(dir, 'dinas-uji', 'live'));
    server = await startSitesServer(dir, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dinas-uji`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 with the suspension page at every address, then the last build again on reactivation', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200);
    await folders().suspend(
      NO_TRANSACTION,
      'dinas-uji',
      suspendedPage('Dinas Uji', 'bandarlampungkota.go.id'),
    );
    for (const page of ['/', '/berita/', '/tidak-ada/']) {
      const down = await fetch(`${base}${page}`);
      expect({ page, status: down.status }).toEqual({ page, status: 503 });
      const text = await down.text();
      expect(text).toContain('Situs ini sedang ditangguhkan');
      expect(text).not.toContain('Beranda Dinas Uji');
      expect(down.headers.get('retry-after')).toBe('3600');
    }
    await folders().resume(NO_TRANSACTION, 'dinas-uji');
    const back = await fetch(`${base}/`);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('Beranda Dinas Uji');
  });

  it('keeps the site down when a build finishes while suspended, and reactivation shows that newer build', async () => {
    await folders().suspend(
      NO_TRANSACTION,
      'dinas-uji',
      suspendedPage('Dinas Uji', 'bandarlampungkota.go.id'),
    );
    await build('dinas-uji', '2', 'Beranda versi dua');
    const { goLive } = await import('../../../site/scripts/site-builder.mjs');
    await goLive(path.join(dir, 'dinas-uji'), '2');
    expect((await fetch(`${base}/`)).status).toBe(503);
    await folders().resume(NO_TRANSACTION, 'dinas-uji');
    expect(await (await fetch(`${base}/`)).text()).toContain('Beranda versi dua');
  });

  it('keeps the site down when a platform admin rolls back while suspended; reactivation shows the rollback', async () => {
    await folders().suspend(
      NO_TRANSACTION,
      'dinas-uji',
      suspendedPage('Dinas Uji', 'bandarlampungkota.go.id'),
    );
    await folders().makeLive(NO_TRANSACTION, 'dinas-uji', '1');
    expect((await fetch(`${base}/`)).status).toBe(503);
    await folders().resume(NO_TRANSACTION, 'dinas-uji');
    expect(await (await fetch(`${base}/`)).text()).toContain('Beranda Dinas Uji');
  });
});
