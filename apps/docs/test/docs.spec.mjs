import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { parseDocument } from 'htmlparser2';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(here, '../dist');
const CONTENT = path.resolve(here, '../src/content/docs');
const ADMIN_TESTS = path.resolve(here, '../../admin/test');
const SCREENSHOTS = path.resolve(here, '../../../reports/screenshots/admin');
const OPENAPI = path.resolve(here, '../../api/openapi.json');

const filesUnder = (folder, pattern) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));

/** Every page of the built site, as its address. */
const PAGES = filesUnder(DIST, /^index\.html$/)
  .map((file) => `/${path.relative(DIST, path.dirname(file))}/`.replace(/^\/\.?\/?$/, '/').replace('//', '/'))
  .sort();

/** The addresses a page's elements point at (links, scripts, styles, images). */
function referencesOf(html) {
  const found = [];
  const walk = (nodes) => {
    for (const node of nodes) {
      if (node.attribs)
        for (const name of ['href', 'src']) if (node.attribs[name]) found.push(node.attribs[name]);
      if (node.children) walk(node.children);
    }
  };
  walk(parseDocument(html).children);
  return found;
}

/**
 * The documentation as built (`pnpm build`): every internal link and asset resolves, every page passes axe at
 * phone size and asks for nothing from another host (search included, offline), the guides show only screenshots
 * a browser test takes, and the API reference names every route of the OpenAPI document.
 */
describe('the documentation site', () => {
  let site;
  let browser;

  beforeAll(async () => {
    site = await serveStatic(DIST);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has its guides in Bahasa Indonesia at the root and English beside them', () => {
    for (const page of [
      '/',
      '/editor/berita/',
      '/operator/konfigurasi/',
      '/bapperida/skor/',
      '/pengembang/api/',
    ])
      expect(PAGES).toContain(page);
    expect(PAGES).toContain('/en/pengembang/');
    expect(readFileSync(path.join(DIST, 'index.html'), 'utf8')).toMatch(/<html[^>]*lang="id"/);
    expect(readFileSync(path.join(DIST, 'en/index.html'), 'utf8')).toMatch(/<html[^>]*lang="en"/);
  });

  it('links only to pages and files that exist (every internal link and asset of every page)', async () => {
    const targets = new Map();
    for (const page of PAGES) {
      const html = readFileSync(path.join(DIST, page, 'index.html'), 'utf8');
      for (const reference of referencesOf(html)) {
        if (/^(https?:|mailto:|#|data:)/.test(reference)) continue;
        const target = new URL(reference, `${site.origin}${page}`);
        target.hash = '';
        if (!targets.has(target.href)) targets.set(target.href, page);
      }
    }
    const broken = [];
    for (const [target, page] of targets) {
      const answer = await fetch(target);
      if (answer.status !== 200)
        broken.push(`${page} → ${target.slice(site.origin.length)} (${answer.status})`);
    }
    expect(targets.size).toBeGreaterThan(PAGES.length);
    expect(broken).toEqual([]);
  });

  it('passes axe on every page at phone size, and asks nothing of another host', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const elsewhere = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(site.origin) && !request.url().startsWith('data:'))
        elsewhere.push(request.url());
    });
    const page = await context.newPage();
    const failures = [];
    for (const address of PAGES) {
      const answer = await page.goto(`${site.origin}${address}`);
      expect({ address, status: answer.status() }).toEqual({ address, status: 200 });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return result.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' ')}`,
        );
      });
      if (violations.length) failures.push({ address, violations });
    }
    await context.close();
    expect(failures).toEqual([]);
    expect(elsewhere).toEqual([]);
  }, 480_000);

  it('searches offline: the search finds a guide, its index served from the site itself', async () => {
    expect(existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const elsewhere = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(site.origin)) elsewhere.push(request.url());
    });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    await page.click('button[data-open-modal]');
    await page.fill('dialog input', 'teks alternatif');
    const first = page.locator('dialog .pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await page.locator('dialog .pagefind-ui__result-link').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('berita')]),
    );
    await context.close();
    expect(elsewhere).toEqual([]);
  }, 90_000);

  it('shows only screenshots a browser test takes (apps/admin/test), each one found when the tests ran', () => {
    const tests = filesUnder(ADMIN_TESTS, /\.spec\.mjs$/)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const named = filesUnder(CONTENT, /\.mdx?$/).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<Tangkapan\s+nama="([^"]+)"/g)].map((match) => ({
        page: path.relative(CONTENT, file),
        name: match[1],
      })),
    );
    expect(named.length).toBeGreaterThanOrEqual(10);
    const untaken = named.filter(({ name }) => !tests.includes(`SHOTS, '${name}.png'`));
    expect(untaken).toEqual([]);
    // After the admin's browser tests ran on this machine, every screenshot the guides show is there.
    if (existsSync(SCREENSHOTS) && readdirSync(SCREENSHOTS).length > 0)
      expect(named.filter(({ name }) => !existsSync(path.join(SCREENSHOTS, `${name}.png`)))).toEqual([]);
  });

  it('lists every route of the OpenAPI document in its API reference', () => {
    const document = JSON.parse(readFileSync(OPENAPI, 'utf8'));
    const reference = readFileSync(path.join(DIST, 'pengembang/api/index.html'), 'utf8');
    const missing = Object.keys(document.paths).filter(
      (route) => !reference.includes(route.replaceAll('&', '&amp;')),
    );
    expect(missing).toEqual([]);
  });
});
