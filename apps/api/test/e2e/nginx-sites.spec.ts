import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { get, type RunningNginx, startNginx } from '../helpers/debian-nginx';
import { sampleFields } from '../helpers/content-samples';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The production nginx configuration (deploy/nginx/nginx.conf.template) on Debian's nginx, as the
 * docker-compose `sites` service runs it, serving real built sites by host name.
 */
const run = promisify(execFile);
const BUILDER = path.resolve(__dirname, '../../../site/scripts/build-site.mjs');

describe('nginx serving the built sites (production configuration)', () => {
  let t: TestApp;
  let root: string;
  let port: number;
  let nginx: RunningNginx | undefined;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-nginx-'));
    // nginx's workers run as an unprivileged user: the sites must be world-readable, as in the volume.
    await chmod(root, 0o755);
    // The API and nginx share the sites folder, as the compose volume does: suspension acts on it.
    t = await startTestApp({ LAMAN_SITES_DIR: path.join(root, 'sites') });
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await nginx?.stop();
    await t.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves each OPD by its subdomain and custom domain, compressed, with cache and security headers', async () => {
    const apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const tenant = await t.given.tenant();
    const admin = await t.given.platformSignedIn('platform_admin');
    const domain = `${tenant.slug}.contoh.go.id`;
    const patched = await t
      .http()
      .patch(`/api/v1/admin/tenants/${tenant.id}`)
      .set(admin.auth)
      .send({ customDomain: domain });
    expect(patched.status).toBe(200);
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'Jadwal pelayanan keliling bulan Desember') });
    await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    const sites = path.join(root, 'sites');
    await run(process.execPath, [BUILDER, '--api', apiUrl, '--tenant', tenant.slug, '--out', sites], {
      env: { ...process.env, LAMAN_SITES_DOMAIN: 'bandarlampungkota.go.id' },
    });
    await run('chmod', ['-R', 'a+rX', sites]);

    nginx = await startNginx('nginx', path.join(root, 'run'), {
      LAMAN_SITES_ROOT: sites,
      LAMAN_MEDIA_ORIGIN: apiUrl,
      LAMAN_API_UPSTREAM: apiUrl,
    });
    port = nginx.port;

    const subdomain = `${tenant.slug}.bandarlampungkota.go.id`;
    const home = await get(port, subdomain, '/');
    expect({ status: home.status, log: nginx.log() }).toEqual({ status: 200, log: '' });
    expect(home.body).toContain('Jadwal pelayanan keliling bulan Desember');
    expect(home.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['content-security-policy']).toContain(`img-src 'self' data: ${apiUrl}`);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');

    const byDomain = await get(port, domain, `/berita/${created.body.slug}/`);
    expect(byDomain.status).toBe(200);
    expect(byDomain.body).toContain('Jadwal pelayanan keliling bulan Desember');

    const brotli = await get(port, subdomain, '/', { 'Accept-Encoding': 'br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.body.length).toBeLessThan(home.body.length / 2);
    const gzip = await get(port, subdomain, '/rss.xml', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');

    const fragments = await run('ls', [path.join(sites, tenant.slug, 'live', 'pagefind', 's0', 'fragment')]);
    const fragment = fragments.stdout.trim().split('\n')[0];
    const hashed = await get(port, subdomain, `/pagefind/s0/fragment/${fragment}`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const missing = await get(port, subdomain, '/tidak-ada/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Halaman tidak ditemukan');
    expect((await get(port, 'opd-lain.bandarlampungkota.go.id', '/')).status).toBe(404);
    expect((await get(port, 'localhost', '/')).status).toBe(404);
    expect((await get(port, '..', '/')).status).toBe(400);

    // The OPD is renamed: its old address moves permanently to its address of choice (the custom domain),
    // path and query kept.
    const renamed = await t
      .http()
      .patch(`/api/v1/admin/tenants/${tenant.id}`)
      .set(admin.auth)
      .send({ slug: `${tenant.slug}-baru` });
    expect(renamed.status).toBe(200);
    await run(
      process.execPath,
      [BUILDER, '--api', apiUrl, '--tenant', `${tenant.slug}-baru`, '--out', sites],
      { env: { ...process.env, LAMAN_SITES_DOMAIN: 'bandarlampungkota.go.id' } },
    );
    await run('chmod', ['-R', 'a+rX', sites]);
    const newHost = `${tenant.slug}-baru.bandarlampungkota.go.id`;
    expect((await get(port, newHost, `/berita/${created.body.slug}/`)).status).toBe(200);
    const oldAddress = await get(port, subdomain, `/berita/${created.body.slug}/?utm=wa`, {
      'X-Forwarded-Proto': 'https',
    });
    expect([oldAddress.status, oldAddress.headers.location]).toEqual([
      301,
      `https://${domain}/berita/${created.body.slug}/?utm=wa`,
    ]);
    const stillUnknown = await get(port, 'opd-lain.bandarlampungkota.go.id', '/');
    expect([stillUnknown.status, stillUnknown.body]).toEqual([404, expect.not.stringContaining('"code"')]);

    // Emergency switch: a suspended OPD's site is down at every address at once (503, the suspension page),
    // without a reload; reactivation brings the last build back.
    const suspended = await t
      .http()
      .post(`/api/v1/admin/tenants/${tenant.id}/suspend`)
      .set(admin.auth)
      .send({ reason: 'Konten judi terdeteksi; menunggu pembersihan' });
    expect(suspended.status).toBe(200);
    await run('chmod', ['-R', 'a+rX', sites]);
    for (const [host, page] of [
      [newHost, '/'],
      [newHost, `/berita/${created.body.slug}/`],
      [domain, '/pengumuman/'],
    ] as const) {
      const down = await get(port, host, page);
      expect({ host, page, status: down.status }).toEqual({ host, page, status: 503 });
      expect(down.body).toContain('Situs ini sedang ditangguhkan');
      expect(down.body).not.toContain('Jadwal pelayanan keliling');
      expect(down.headers['retry-after']).toBe('3600');
      expect(down.headers['cache-control']).toBe('no-store');
    }
    const reactivated = await t.http().post(`/api/v1/admin/tenants/${tenant.id}/reactivate`).set(admin.auth);
    expect(reactivated.status).toBe(200);
    const back = await get(port, newHost, `/berita/${created.body.slug}/`);
    expect(back.status).toBe(200);
    expect(back.body).toContain('Jadwal pelayanan keliling bulan Desember');
    expect(nginx.log()).toBe('');
  }, 120_000);
});
