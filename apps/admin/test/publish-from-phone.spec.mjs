import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium } from 'playwright-core';

/**
 * The admin app as a person uses it on a phone: `pnpm start` (embedded PostgreSQL, API, site worker, sites
 * server, admin app), a real headless Chromium at a phone's size, and the public site it updates.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const LAUNCHER = path.resolve(here, '../../api/dist/bin/start-demo.js');
const PHOTO = path.join(here, 'fixtures', 'foto-kegiatan.jpg');
const SHOTS = path.resolve(here, '../../../reports/screenshots/admin');
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'Laman-Demo-2026';

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function axeViolations(page) {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

describe('admin app: one form submission from a phone to a live site', () => {
  let launcher;
  let output = '';
  let browser;
  let admin;
  let parent;

  beforeAll(async () => {
    parent = mkdtempSync(path.join(tmpdir(), 'laman-admin-'));
    chmodSync(parent, 0o755);
    const [apiPort, dbPort, sitesPort, adminPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    admin = `http://localhost:${adminPort}`;
    launcher = spawn(process.execPath, [LAUNCHER], {
      env: {
        ...process.env,
        LAMAN_DATA_DIR: path.join(parent, 'data'),
        PORT: String(apiPort),
        LAMAN_DB_PORT: String(dbPort),
        LAMAN_SITES_PORT: String(sitesPort),
        LAMAN_ADMIN_PORT: String(adminPort),
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout.on('data', (chunk) => (output += chunk));
    launcher.stderr.on('data', (chunk) => (output += chunk));
    for (let attempt = 0; attempt < 900 && !output.includes('Press Ctrl-C to stop.'); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (!output.includes('Press Ctrl-C to stop.')) throw new Error(`pnpm start did not start:\n${output}`);
    for (let attempt = 0; attempt < 100; attempt++) {
      if (
        await fetch(`${admin}/masuk`).then(
          (response) => response.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (launcher && launcher.exitCode === null)
      await new Promise((resolve) => (launcher.once('exit', resolve), launcher.kill('SIGINT')));
    rmSync(parent, { recursive: true, force: true });
  });

  async function signIn(email) {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${admin}/`);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/opd\/disdukcapil\/$/);
    return page;
  }

  it('an editor writes a news item with a photo, presses Terbitkan once, and sees it live', async () => {
    const page = await signIn('editor.disdukcapil@laman.example');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'dasbor-ponsel.png'), fullPage: true });
    await page.click('text=Tulis berita');
    await page.waitForURL(/\/berita\/baru$/);
    expect(await axeViolations(page)).toEqual([]);

    // Mistakes first: the messages sit on the fields, in Bahasa Indonesia, and nothing is saved.
    await page.fill('#summary', 'Ringkasan yang tidak hilang.');
    await page.setInputFiles('#foto', PHOTO);
    await page.click('button[value=terbitkan]');
    expect(await page.textContent('#title-galat')).toBe('Judul wajib diisi');
    expect(await page.textContent('#body-galat')).toBe('Isi berita wajib diisi');
    expect(await page.textContent('#alt-galat')).toContain('teks alternatif');
    expect(await page.getAttribute('#title', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#summary')).toBe('Ringkasan yang tidak hilang.');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'validasi-ponsel.png'), fullPage: true });

    const title = 'Pelayanan KTP-el keliling di Kelurahan Kupang Kota';
    await page.fill('#title', title);
    await page.fill(
      '#body',
      'Petugas Disdukcapil melayani perekaman KTP-el.\n\nWarga cukup membawa kartu keluarga.',
    );
    await page.setInputFiles('#foto', PHOTO);
    await page.fill('#alt', 'Petugas merekam sidik jari warga di meja pelayanan');
    const submitted = performance.now();
    await page.click('button[value=terbitkan]');
    await page.waitForURL(/\/konten\//);
    await page.waitForSelector('.success a', { timeout: 60_000 });
    const seconds = ((performance.now() - submitted) / 1000).toFixed(1);
    console.log(`Terbitkan → "Sudah tayang" shown on the phone: ${seconds} s`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'sudah-tayang-ponsel.png'), fullPage: true });

    const live = await page.getAttribute('.success a', 'href');
    expect(live).toMatch(
      /^http:\/\/disdukcapil\.localhost:\d+\/berita\/pelayanan-ktp-el-keliling-di-kelurahan-kupang-kota\/$/,
    );
    await page.goto(live);
    expect(await page.textContent('h1')).toBe(title);
    const photo = await page.$('article picture img');
    expect(await photo.getAttribute('alt')).toBe('Petugas merekam sidik jari warga di meja pelayanan');
    expect(await photo.getAttribute('srcset')).toMatch(/w320\.jpg 320w.*w640\.jpg 640w/);
    expect(await page.$('article picture source[type="image/avif"]')).not.toBeNull();
    // The photo really loads from the API on the site's page (another origin).
    await page.waitForLoadState('networkidle');
    expect(await photo.evaluate((image) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'situs-berita-ponsel.png'), fullPage: true });
    console.log(`Screenshots of the admin app: ${SHOTS}`);
    await page.close();
  }, 120_000);

  it('a contributor can only submit for review: no Terbitkan button', async () => {
    const page = await signIn('kontributor.disdukcapil@laman.example');
    await page.goto(`${admin}/opd/disdukcapil/berita/baru`);
    expect(await page.$('button[value=terbitkan]')).toBeNull();
    await page.fill('#title', 'Usulan berita dari kontributor');
    await page.fill('#body', 'Isi usulan.');
    await page.click('button[value=ajukan]');
    await page.waitForURL(/\/konten\//);
    expect(await page.textContent('.state')).toBe('Menunggu review');
    await page.close();
  }, 60_000);

  it('signs out with a POST and then asks to sign in again', async () => {
    const page = await signIn('editor.disdukcapil@laman.example');
    await page.click('text=Keluar');
    await page.waitForURL(/\/masuk$/);
    await page.goto(`${admin}/opd/disdukcapil/`);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
