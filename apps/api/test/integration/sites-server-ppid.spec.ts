import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SKM_ELEMENTS } from '@laman/shared';
import { startSitesServer } from '../../src/bin/sites-server';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { publishItem } from '../helpers/sample-site';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * `pnpm start`'s sites server hands an OPD site's request and survey pages to the API as nginx does in production
 * (test/e2e/citizen-forms-site.spec.ts): by host name and by path, the answer (a page or a 303) passed back.
 */
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with its own Host header (fetch will not send one). */
function send(port: number, host: string, pathname: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        port,
        host: '127.0.0.1',
        path: pathname,
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          host,
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: text }),
        );
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

describe('the request pages on the local sites server', () => {
  let t: TestApp;
  let dir: string;
  let server: Server;
  let port: number;
  let opd: Tenant;
  const form = new URLSearchParams({
    name: 'Agus Salim',
    address: 'Jl. Wolter Monginsidi No. 3, Teluk Betung',
    phone: '0812-1111-2222',
    information: 'Jadwal pemeliharaan lampu jalan tahun 2026',
    purpose: 'Informasi untuk warga RT',
    delivery: 'pickup',
  });

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    await t.app.listen(0, '127.0.0.1');
    opd = await t.given.tenant();
    dir = await mkdtemp(path.join(tmpdir(), 'laman-sites-ppid-'));
    await mkdir(path.join(dir, opd.slug, 'builds', '1'), { recursive: true });
    await writeFile(path.join(dir, opd.slug, 'builds', '1', 'index.html'), '<h1>Beranda</h1>');
    await symlink(path.join('builds', '1'), path.join(dir, opd.slug, 'live'));
    const api = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    server = await startSitesServer(dir, 0, '127.0.0.1', api);
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the form to the API by host name and by path, and passes the receipt back', async () => {
    for (const [prefix, host] of [
      ['', `${opd.slug}.localhost:${port}`],
      [`/${opd.slug}`, `127.0.0.1:${port}`],
    ] as const) {
      const sent = await send(port, host, `${prefix}/ppid/permohonan`, form.toString());
      expect(sent.status).toBe(303);
      const location = String(sent.headers['location']);
      expect(location).toMatch(/^permohonan\/PPID-/);
      const receipt = await send(port, host, `${prefix}/ppid/${location}`);
      expect(receipt.status).toBe(200);
      expect(receipt.headers['cache-control']).toBe('no-store');
      expect(receipt.body).toContain('sudah kami terima');
    }
  });

  it('hands the yearly report over too, the page and its workbook, by host name and by path', async () => {
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    for (const [prefix, host] of [
      ['', `${opd.slug}.localhost:${port}`],
      [`/${opd.slug}`, `127.0.0.1:${port}`],
    ] as const) {
      const page = await send(port, host, `${prefix}/ppid/laporan`);
      expect(page.status).toBe(200);
      expect(page.body).toContain(`Laporan layanan informasi publik ${year}`);
      // The two requests sent above are this year's.
      expect(page.body).toMatch(/Permohonan diterima<\/th>\s*<td>2<\/td>/);
      const workbook = await send(port, host, `${prefix}/ppid/laporan/${year}.xlsx`);
      expect(workbook.status).toBe(200);
      expect(workbook.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(workbook.headers['content-disposition']).toBe(
        `attachment; filename="laporan-ppid-${opd.slug}-${year}.xlsx"`,
      );
      expect((await send(port, host, `${prefix}/ppid/laporan/1999`)).status).toBe(404);
    }
  });

  it('hands the satisfaction survey over: the folder, its form post and its results, by host name and by path', async () => {
    const editor = await t.given.memberSignedIn(opd, 'editor');
    const service = await publishItem(t, opd, editor, 'layanan', sampleFields('layanan', 'Izin Reklame'));
    const answers = new URLSearchParams({
      service: service.slug,
      ...Object.fromEntries(SKM_ELEMENTS.map((element) => [element.name, '3'])),
    });
    for (const [prefix, host, respondent] of [
      ['', `${opd.slug}.localhost:${port}`, '1'],
      [`/${opd.slug}`, `127.0.0.1:${port}`, '2'],
    ] as const) {
      const folder = await send(port, host, `${prefix}/survei`);
      expect([folder.status, folder.headers['location']]).toEqual([301, 'survei/']);
      const sent = await send(
        port,
        host,
        `${prefix}/survei/isi`,
        `${answers}&sex=${respondent === '1' ? 'perempuan' : 'laki_laki'}`,
      );
      expect([sent.status, sent.headers['location']]).toEqual([303, `./?terkirim=1&layanan=${service.slug}`]);
      const results = await send(port, host, `${prefix}/survei/?terkirim=1`);
      expect(results.status).toBe(200);
      expect(results.body).toContain('Terima kasih');
      expect(results.body.replace(/\s+/g, ' ')).toContain(`${respondent} responden dari minimal`);
    }
  });

  it('passes a refusal back as the API gave it', async () => {
    const refused = await send(port, `127.0.0.1:${port}`, `/${opd.slug}/ppid/permohonan`, 'name=A');
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
  });
});
