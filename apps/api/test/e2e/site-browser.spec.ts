import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type Page } from 'playwright-core';
import { startSitesServer } from '../../src/bin/sites-server';
import { nuCheckerErrors } from '../helpers/built-site';
import { axeViolations, DESKTOP, launchChromium, PHONE, screenshotDir } from '../helpers/browser';
import { phonePhoto } from '../helpers/media-corpus';
import { publishSampleSite } from '../helpers/sample-site';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * A built OPD site in a real headless Chromium: axe-core on every page type, a 320-pixel-wide screen,
 * keyboard use, the static search, page weight, and screenshots at phone and desktop widths.
 */
const run = promisify(execFile);
const BUILDER = path.resolve(__dirname, '../../../site/scripts/build-site.mjs');

describe('an OPD site in a real browser', () => {
  let t: TestApp;
  let sites: string;
  let server: Server;
  let browser: Browser;
  let origin: string;
  let pages: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    sites = await mkdtemp(path.join(tmpdir(), 'laman-browser-sites-'));
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const { news, service, items } = await publishSampleSite(t, tenant, editor);
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const hero = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/media`)
      .set(admin.auth)
      .field('alt', 'Loket pelayanan kantor dinas')
      .attach('file', await phonePhoto(), 'loket.jpg');
    const settings = await t
      .http()
      .put(`/api/v1/tenants/${tenant.slug}/settings`)
      .set(admin.auth)
      .send({ version: 0, settings: { tagline: 'Melayani sepenuh hati', hero: { mediaId: hero.body.id } } });
    expect(settings.status).toBe(200);
    await run(process.execPath, [BUILDER, '--api', apiUrl, '--tenant', tenant.slug, '--out', sites]);
    server = await startSitesServer(sites, 0, '127.0.0.1');
    // Chromium resolves every *.localhost name to this machine: the same host routing as production.
    origin = `http://${tenant.slug}.localhost:${(server.address() as AddressInfo).port}`;
    pages = {
      beranda: '/',
      berita: '/berita/',
      'berita-detail': `/berita/${news.slug}/`,
      layanan: '/layanan/',
      'layanan-detail': `/layanan/${service.slug}/`,
      pengumuman: '/pengumuman/',
      'pengumuman-detail': `/pengumuman/${items['pengumuman']!.slug}/`,
      agenda: '/agenda/',
      'agenda-detail': `/agenda/${items['agenda']!.slug}/`,
      kinerja: '/kinerja/',
      dokumen: '/dokumen/',
      'dokumen-detail': `/dokumen/${items['dokumen']!.slug}/`,
      galeri: '/galeri/',
      'galeri-detail': `/galeri/${items['galeri']!.slug}/`,
      pejabat: '/pejabat/',
      'pejabat-detail': `/pejabat/${items['pejabat']!.slug}/`,
      profil: `/profil/${items['halaman']!.slug}/`,
      kontak: '/kontak/',
      ppid: '/ppid/',
      cari: '/cari/?q=KTP',
      '404': '/tidak-ada/',
    };
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t.close();
    await rm(sites, { recursive: true, force: true });
  });

  async function open(urlPath: string, viewport = PHONE): Promise<Page> {
    const page = await browser.newPage({ viewport });
    // Nothing leaves this machine (sample media point at example hosts).
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname.endsWith('localhost') ? route.continue() : route.abort(),
    );
    await page.goto(`${origin}${urlPath}`);
    return page;
  }

  it('has no axe-core (WCAG 2.2 AA) violations on any page type, at 320 px and on a desktop', async () => {
    const found: Record<string, unknown> = {};
    for (const [name, urlPath] of Object.entries(pages)) {
      for (const viewport of [{ width: 320, height: 640 }, DESKTOP]) {
        const page = await open(urlPath, viewport);
        if (name === 'cari') await page.waitForSelector('#hasil ol');
        const violations = await axeViolations(page);
        // 320 CSS pixels (WCAG reflow): nothing may need sideways scrolling.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (violations.length || overflow > 0) found[`${name}@${viewport.width}`] = { violations, overflow };
        await page.close();
      }
    }
    expect(found).toEqual({});
    // 40 page loads with axe: about 35 s on an idle machine, several times that while other suites run.
  }, 240_000);

  it('can be used with the keyboard alone: the first Tab reaches "Langsung ke isi", which moves to the content', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Langsung ke isi');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    // Following the link is asynchronous: wait for it rather than read the address at once.
    await page.waitForURL(`${origin}/#isi`, { timeout: 5_000 });
    expect(page.url()).toBe(`${origin}/#isi`);
    await page.close();
  });

  it("shows the page on a phone's first screen: a compact header, the menu folded behind one button", async () => {
    const page = await open('/');
    const menuLink = page.locator('details.menu nav a').first();
    expect(await menuLink.isVisible()).toBe(false);
    const heading = await page.locator('main h1').boundingBox();
    expect(heading!.y + heading!.height).toBeLessThan(PHONE.height / 2);
    expect(heading!.height).toBeLessThan(80);
    await page.click('details.menu summary');
    expect(await menuLink.isVisible()).toBe(true);
    await page.close();
    const wide = await open('/', DESKTOP);
    expect(await wide.locator('nav.menu-wide a').first().isVisible()).toBe(true);
    expect(await wide.locator('details.menu').isVisible()).toBe(false);
    await wide.close();
  });

  it('draws the kinerja chart full width at 390 px and 1280 px: every value on its bar, an axis near the data, a legend in words', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await open(pages['kinerja']!, viewport);
      const chart = page.locator('figure.indicator svg.chart');
      const [chartBox, mainBox] = [await chart.boundingBox(), await page.locator('main').boundingBox()];
      // Full width: the chart fills the content column (main's padding aside).
      expect(chartBox!.width).toBeGreaterThan(mainBox!.width * 0.85);
      const printed = await chart.locator('text').allTextContents();
      const table = await page.locator('table.indicator-data td').allTextContents();
      // Every number of the data table, as Indonesians write it, is printed on the chart too.
      for (const value of table.filter((cell) => cell !== '–')) expect(printed).toContain(value);
      expect(printed).toContain('93,1');
      expect(printed).toContain('Nilai (persen)');
      // 93,1 to 97: the axis starts near the data, and says so.
      const ticks = await chart.locator('.tick text').allTextContents();
      expect(Number(ticks[0]!.replace(',', '.'))).toBeGreaterThan(80);
      expect(await page.locator('figure.indicator figcaption').textContent()).toMatch(
        /Target[\s\S]*Realisasi[\s\S]*bukan 0/,
      );
      // Text keeps a readable size at any width (no scaling of the whole picture).
      const fontSize = await chart
        .locator('.value')
        .first()
        .evaluate((node) => getComputedStyle(node).fontSize);
      expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(12);
      // No value label runs off the chart.
      const overflow = await chart.evaluate((svg) => {
        const right = svg.getBoundingClientRect().right;
        return [...svg.querySelectorAll('text')].some(
          (text) => text.getBoundingClientRect().right > right + 1,
        );
      });
      expect(overflow).toBe(false);
      await page.close();
    }
  });

  it("looks like the government at first sight: the city's emblem in the header, the OPD's photo above the news", async () => {
    const page = await open('/');
    // Waits until the emblem has loaded and decoded (a missing file never does, and the test times out).
    await page.waitForFunction(() => {
      const emblem = document.querySelector('header.site img.emblem');
      return emblem instanceof HTMLImageElement && emblem.complete && emblem.naturalWidth > 0;
    });
    const hero = page.locator('main .hero img');
    expect(await hero.getAttribute('alt')).toBe('Loket pelayanan kantor dinas');
    // The first screen's picture is fetched at once, and leaves room for the news on a phone.
    expect(await hero.getAttribute('loading')).toBe('eager');
    expect(await hero.getAttribute('fetchpriority')).toBe('high');
    const box = await hero.boundingBox();
    expect(box!.y).toBeLessThan(PHONE.height);
    expect(box!.height).toBeLessThan(PHONE.height * 0.4);
    await page.close();
  });

  it('finds published content with the static search, typed into the header form', async () => {
    const page = await open('/');
    await page.fill('#cari-situs', 'Kartu Keluarga');
    await page.press('#cari-situs', 'Enter');
    await page.waitForSelector('#hasil ol li a');
    const results = await page.$$eval('#hasil ol li a', (links) => links.map((link) => link.textContent));
    expect(results).toContain('Penerbitan Kartu Keluarga');
    await page.close();
  });

  it('passes the Nu HTML Checker (the W3C validator) on every page it built', async () => {
    const errors = await nuCheckerErrors(sites);
    expect(errors).toEqual([]);
  }, 120_000);

  it('keeps every page type under 100 KB before images (search 200 KB), and saves phone and desktop screenshots', async () => {
    const weights: Record<string, number> = {};
    for (const [name, urlPath] of Object.entries(pages)) {
      const page = await browser.newPage({ viewport: PHONE });
      // Every body is read before the page closes (a busy machine reads them late; a closed page has none).
      const bodies: Array<Promise<number>> = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'image')
          bodies.push(response.body().then((body) => body.length));
      });
      await page.goto(`${origin}${urlPath}`);
      await page.waitForLoadState('networkidle');
      weights[name] = (await Promise.all(bodies)).reduce((sum, length) => sum + length, 0);
      await page.close();
    }
    console.log(`Page weights before images (uncompressed bytes): ${JSON.stringify(weights)}`);
    for (const [name, bytes] of Object.entries(weights)) {
      // The search page alone loads the search engine (WebAssembly and its index): 200 KB for it.
      const budget = name === 'cari' ? 200_000 : 100_000;
      expect([name, bytes > 1_000]).toEqual([name, true]);
      expect([name, bytes < budget]).toEqual([name, true]);
    }

    const folder = screenshotDir('site');
    for (const name of ['beranda', 'berita-detail', 'layanan-detail', 'kinerja']) {
      for (const [label, viewport] of [
        ['ponsel', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        const shot = await open(pages[name]!, viewport);
        await shot.screenshot({ path: path.join(folder, `${name}-${label}.png`), fullPage: true });
        await shot.close();
      }
    }
    console.log(`Screenshots of the OPD site: ${folder}`);
  }, 180_000);
});
