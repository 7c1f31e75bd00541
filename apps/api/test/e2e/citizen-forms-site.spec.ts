import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { SKM_ELEMENTS } from '@laman/shared';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { axeViolations, launchChromium } from '../helpers/browser';
import { nuCheckerErrors } from '../helpers/built-site';
import { builtSiteBehindNginx, type RunningNginx } from '../helpers/debian-nginx';
import { sampleFields } from '../helpers/content-samples';
import { publishItem } from '../helpers/sample-site';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

const DOMAIN = 'bandarlampungkota.go.id';

/**
 * Citizens use an OPD's built site, in a browser without JavaScript, on a phone, through the production nginx:
 * they ask for information (the form on the site's PPID page, the receipt with the code, the status with the code
 * and the contact; the request lands in the OPD's PPID queue), and they rate a service they used (the survey on
 * the service's page, the results page).
 */
describe('citizens’ forms on the OPD site, without JavaScript (production nginx)', () => {
  let t: TestApp;
  let root: string;
  let nginx: RunningNginx;
  let browser: Browser;
  let opd: Tenant;
  let site: string;
  let service: { slug: string };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-ppid-site-'));
    await chmod(root, 0o755);
    // nginx on this machine forwards the citizen's address; the API believes it from loopback only.
    t = await startTestApp({ LAMAN_SITES_DIR: path.join(root, 'sites'), TRUST_PROXY: 'loopback' });
    await t.app.listen(0, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    opd = await t.given.tenant();
    const editor = await t.given.memberSignedIn(opd, 'editor');
    service = await publishItem(t, opd, editor, 'layanan', {
      ...sampleFields('layanan', 'Penerbitan Akta Kelahiran'),
      annualUsers: 12_000,
    });
    ({ nginx } = await builtSiteBehindNginx(root, apiUrl, opd.slug, DOMAIN));
    site = `http://${opd.slug}.${DOMAIN}:${nginx.port}`;
    browser = await launchChromium([`--host-resolver-rules=MAP *.${DOMAIN} 127.0.0.1`]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    await t?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** A phone without JavaScript: what the forms must work on. */
  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    return context.newPage();
  }

  /** Each page the API rendered, kept for the Nu HTML Checker at the end. */
  const rendered: Record<string, string> = {};

  /** The same page in a context that may run axe (it needs script), at 320 px. */
  async function axeOn(html: string): Promise<unknown[]> {
    rendered[`page-${Object.keys(rendered).length}.html`] = html;
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.setContent(html);
    const violations = await axeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await context.close();
    return overflow > 0 ? [...violations, { overflow }] : violations;
  }

  const citizen = {
    name: 'Nurhayati Lubis',
    address: 'Jl. Ratu Dibalau No. 21, Way Kandis',
    email: 'nurhayati.lubis@contoh.id',
    information: 'Daftar sekolah penerima dana BOS daerah tahun 2026',
    purpose: 'Pemantauan oleh komite sekolah',
  };

  /** Fills the site's request form as a citizen would: the contact given, and how the answer should come. */
  async function fillRequest(page: Page, contact: { email?: string; phone?: string }, delivery: string) {
    await page.fill('#f-name', citizen.name);
    await page.fill('#f-address', citizen.address);
    if (contact.email) await page.fill('#f-email', contact.email);
    if (contact.phone) await page.fill('#f-phone', contact.phone);
    await page.fill('#f-information', citizen.information);
    await page.fill('#f-purpose', citizen.purpose);
    await page.check(`input[name=delivery][value=${delivery}]`);
  }

  it('takes the request from the site, gives the code, and shows the status to the code and contact', async () => {
    const page = await phone();
    await page.goto(`${site}/ppid/`);
    expect(await page.locator('h1').textContent()).toBe('Permohonan informasi publik');
    // A phone number the server refuses (the browser's own checks pass): the page comes back with the reason.
    await fillRequest(page, { phone: '12ab' }, 'pickup');
    await page.click('form[action="permohonan"] button[type=submit]');
    expect(await page.locator('#f-phone-error').textContent()).toBeTruthy();
    expect(await page.inputValue('#f-information')).toBe(citizen.information);
    expect(await page.isChecked('input[name=delivery][value=pickup]')).toBe(true);
    expect(await axeOn(await page.content())).toEqual([]);

    await page.fill('#f-phone', '');
    await page.fill('#f-email', citizen.email);
    await page.click('form[action="permohonan"] button[type=submit]');
    await page.waitForURL(/\/ppid\/permohonan\/PPID-[0-9A-Z]{4}-[0-9A-Z]{4}\?baru=1$/);
    const code = /PPID-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];
    expect(await page.locator('.code').textContent()).toBe(code);
    expect(await axeOn(await page.content())).toEqual([]);

    await page.fill('#f-contact', citizen.email.toUpperCase());
    await page.click('button[type=submit]');
    expect(await page.locator('h1').textContent()).toBe('Status permohonan');
    const status = await page.content();
    expect(status).toContain('Diterima, sedang diproses');
    expect(status).toContain(code);
    for (const text of Object.values(citizen).slice(0, 3)) expect(status).not.toContain(text);
    expect(await axeOn(status)).toEqual([]);

    // The same lookup from the site's PPID page.
    await page.goto(`${site}/ppid/`);
    await page.fill('#s-code', code);
    await page.fill('#s-contact', 'bukan@contoh.id');
    await page.click('form[action="permohonan/cek"] button[type=submit]');
    expect(await page.content()).toContain('Permohonan tidak ditemukan');

    // The OPD's PPID officer finds it in the queue.
    const admin = await t.given.memberSignedIn(opd, 'tenant_admin');
    const officer = await t.given.memberSignedIn(opd, 'editor');
    await t
      .http()
      .put(`/api/v1/tenants/${opd.slug}/users/${officer.user.id}/duties`)
      .set(admin.auth)
      .send({ duties: ['ppid_officer'] });
    const queue = await t.http().get(`/api/v1/tenants/${opd.slug}/ppid/requests`).set(officer.auth);
    expect(queue.body.items.map((entry: { code: string }) => entry.code)).toContain(code);

    // The PPID answers; the citizen objects from the status page, first forgetting to tick a reason.
    const entry = queue.body.items.find((item: { code: string }) => item.code === code);
    const answered = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/requests/${entry.id}/decision`)
      .set(officer.auth)
      .send({ outcome: 'not_held', message: 'Data dana BOS daerah dikelola Dinas Pendidikan.' });
    expect(answered.status).toBe(200);
    await page.goto(`${site}/ppid/permohonan/${code}`);
    await page.fill('#f-contact', citizen.email);
    await page.click('button[type=submit]');
    expect(await page.locator('form[action="keberatan"]').count()).toBe(1);
    expect(await axeOn(await page.content())).toEqual([]);
    await page.fill('#f-statement', 'Dinas ini yang menetapkan sekolah penerima dana BOS daerah.');
    await page.click('form[action="keberatan"] button[type=submit]');
    expect(await page.locator('#f-reasons-error').textContent()).toContain('Alasan keberatan');
    expect(await page.inputValue('#f-statement')).toBe(
      'Dinas ini yang menetapkan sekolah penerima dana BOS daerah.',
    );
    expect(await axeOn(await page.content())).toEqual([]);
    await page.check('input[name=reasons][value=not_as_asked]');
    await page.click('form[action="keberatan"] button[type=submit]');
    expect(await page.content()).toContain('Keberatan diajukan kepada atasan PPID');
    expect(await axeOn(await page.content())).toEqual([]);

    // The atasan PPID answers; the citizen reads the outcome and the Komisi Informasi's deadline.
    const superior = await t.given.memberSignedIn(opd, 'editor');
    await t
      .http()
      .put(`/api/v1/tenants/${opd.slug}/users/${superior.user.id}/duties`)
      .set(admin.auth)
      .send({ duties: ['ppid_superior'] });
    const objections = await t.http().get(`/api/v1/tenants/${opd.slug}/ppid/objections`).set(superior.auth);
    const decided = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/objections/${objections.body.items[0].id}/decision`)
      .set(superior.auth)
      .send({
        outcome: 'rejected',
        message: 'Penetapan sekolah dilakukan Dinas Pendidikan, bukan dinas ini.',
      });
    expect(decided.status).toBe(200);
    await page.goto(`${site}/ppid/permohonan/${code}`);
    await page.fill('#f-contact', citizen.email);
    await page.click('button[type=submit]');
    const outcome = await page.content();
    expect(outcome).toContain('Keberatan ditolak');
    expect(outcome.replace(/\s+/g, ' ')).toContain('Komisi Informasi paling lambat');
    expect(await axeOn(outcome)).toEqual([]);

    // The yearly report, from the site's PPID page: the figures so far, and the workbook.
    await page.goto(`${site}/ppid/`);
    await page.click('a[href="laporan"]');
    await page.waitForURL(/\/ppid\/laporan$/);
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    expect(await page.locator('h1').textContent()).toBe(`Laporan layanan informasi publik ${year}`);
    expect(await page.textContent('tr:has(th:text-is("Informasi tidak dikuasai")) td')).toBe('1');
    expect(await page.textContent('tr:has(th:text-is("Keberatan ditolak")) td')).toBe('1');
    const report = await page.content();
    for (const text of Object.values(citizen)) expect(report).not.toContain(text);
    expect(await axeOn(report)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`a[href="laporan/${year}.xlsx"]`),
    ]);
    expect(download.suggestedFilename()).toBe(`laporan-ppid-${opd.slug}-${year}.xlsx`);
    expect((await stat((await download.path())!)).size).toBeGreaterThan(1000);
  }, 180_000);

  /** Proofs of work used so far (each once, counted like a request). */
  const proofs = async () =>
    (
      await asSuperuser<{ n: number }>(
        t.database,
        `SELECT count(*)::int AS n FROM request_throttles WHERE key LIKE 'form-challenge:%'`,
      )
    )[0]!.n;

  /**
   * A phone that runs JavaScript, watching for any request that leaves the site. Web Crypto runs in secure
   * contexts only: the sites are HTTPS in production (and localhost in `pnpm start`); this test's plain-HTTP
   * address is declared secure to the browser instead.
   */
  async function scriptedPhone(): Promise<{ page: Page; outside: string[]; close: () => Promise<void> }> {
    const secure = await launchChromium([
      `--host-resolver-rules=MAP *.${DOMAIN} 127.0.0.1`,
      `--unsafely-treat-insecure-origin-as-secure=${site}`,
    ]);
    const page = await (await secure.newContext({ viewport: { width: 320, height: 640 } })).newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site)) outside.push(request.url());
    });
    return { page, outside, close: () => secure.close() };
  }

  it('sends the proof of work along when the browser runs JavaScript, from the site itself', async () => {
    const before = await proofs();
    const { page, outside, close } = await scriptedPhone();
    await page.goto(`${site}/ppid/`);
    await fillRequest(page, { email: 'dengan.javascript@contoh.id' }, 'email');
    await page.click('form[action="permohonan"] button[type=submit]');
    await page.waitForURL(/\/ppid\/permohonan\/PPID-[0-9A-Z]{4}-[0-9A-Z]{4}\?baru=1$/, { timeout: 60_000 });
    expect(await proofs()).toBe(before + 1);
    expect(outside).toEqual([]);
    await close();
  }, 120_000);

  it('takes a survey from the service page and shows the results, on a phone without JavaScript', async () => {
    const page = await phone();
    await page.goto(`${site}/layanan/${service.slug}/`);
    expect(await page.locator('#survei').textContent()).toBe('Survei kepuasan layanan ini');
    // The whole service page, form and all, at 320 px.
    expect(await axeOn(await page.content())).toEqual([]);
    for (const [i, element] of SKM_ELEMENTS.entries())
      await page.check(`input[name=${element.name}][value="${(i % 2) + 3}"]`);
    await page.click('.survey summary');
    await page.selectOption('#s-occupation', 'wirausaha');
    await page.fill('#s-suggestion', 'Antrean di loket Mall Pelayanan Publik perlu nomor digital.');
    await page.click('.survey button[type=submit]');
    await page.waitForURL(/\/survei\/\?terkirim=1&layanan=[a-z0-9-]+$/);
    expect(await page.locator('[role=status]').textContent()).toContain('Terima kasih');
    const results = (await page.content()).replace(/\s+/g, ' ');
    // Answers 3, 4, 3, 4, 3, 4, 3, 4, 3: NRR 31/9 ≈ 3.44 on average, × 25 = 86.11 (B).
    expect(results).toContain('Indeks <strong>86,11</strong>');
    expect(results).toContain('B (Baik)');
    // Krejcie–Morgan for 12,000 people a year.
    expect(results).toContain('1 responden dari minimal 372');
    expect(await axeOn(await page.content())).toEqual([]);
    // Another period from the page's own choice, then back to the service's page by its link.
    await page.selectOption('#f-periode', { index: 1 });
    await page.click('form[method=get] button');
    expect(page.url()).toMatch(/\/survei\/\?layanan=[a-z0-9-]+&periode=\d{4}-(S[12]|T[1-4])$/);
    await page.click(`a[href="../layanan/${service.slug}/"]`);
    await page.waitForURL(new RegExp(`/layanan/${service.slug}/$`));

    // The form of one service at the survey's own address, and sent back with what to fix (HTML of the API).
    await page.goto(`${site}/survei/isi?layanan=${service.slug}`);
    expect(await axeOn(await page.content())).toEqual([]);
    const refused = await t
      .http()
      .post('/api/v1/site-pages/survei/isi')
      .set('X-Laman-Site-Host', `${opd.slug}.${DOMAIN}`)
      .type('form')
      .send({ service: service.slug, u1: '4' });
    expect(refused.status).toBe(400);
    expect(await axeOn(refused.text)).toEqual([]);
  }, 120_000);

  it('sends the survey’s proof of work along when the browser runs JavaScript, from the site itself', async () => {
    const before = await proofs();
    const { page, outside, close } = await scriptedPhone();
    await page.goto(`${site}/layanan/${service.slug}/`);
    for (const element of SKM_ELEMENTS) await page.check(`input[name=${element.name}][value="2"]`);
    await page.click('.survey button[type=submit]');
    await page.waitForURL(/\/survei\/\?terkirim=1&layanan=[a-z0-9-]+$/, { timeout: 60_000 });
    expect(await proofs()).toBe(before + 1);
    expect(outside).toEqual([]);
    await close();
  }, 120_000);

  it('renders pages the Nu HTML Checker (the W3C validator) finds no error in', async () => {
    expect(Object.keys(rendered).length).toBeGreaterThanOrEqual(12);
    const folder = path.join(root, 'rendered');
    await mkdir(folder);
    for (const [name, html] of Object.entries(rendered)) await writeFile(path.join(folder, name), html);
    expect(await nuCheckerErrors(folder)).toEqual([]);
  }, 120_000);

  it('answers the pages no-store, under the site’s security headers', async () => {
    const page = await phone();
    for (const address of ['ppid/permohonan/PPID-0000-0000', 'ppid/laporan', 'survei/', 'survei/isi']) {
      const answer = await page.goto(`${site}/${address}`);
      const headers = answer!.headers();
      expect({ address, cache: headers['cache-control'] }).toEqual({ address, cache: 'no-store' });
      expect(headers['content-security-policy']).toContain("form-action 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
