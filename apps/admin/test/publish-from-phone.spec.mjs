import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { startDemo } from './helpers/demo.mjs';
import { axeViolations } from './helpers/axe.mjs';

/**
 * The admin app as a person uses it on a phone: `pnpm start` (embedded PostgreSQL, API, site worker, sites
 * server, admin app), a real headless Chromium at a phone's size, and the public site it updates.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const PHOTO = path.join(here, 'fixtures', 'foto-kegiatan.jpg');
const EXPORT = path.join(here, 'fixtures', 'wordpress-ekspor.xml');
const SHOTS = path.resolve(here, '../../../reports/screenshots/admin');
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'Laman-Demo-2026';

describe('admin app: one form submission from a phone to a live site', () => {
  let demo;
  let browser;
  let admin;
  let parent;
  let dbPort;
  let sitesPortShared;

  beforeAll(async () => {
    demo = await startDemo();
    ({ admin, parent, dbPort } = demo);
    sitesPortShared = demo.sitesPort;
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
    await demo?.stop();
  });

  async function signIn(email, landing = /\/opd\/disdukcapil\/$/) {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${admin}/`);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await page.click('form.card button[type=submit]');
    await page.waitForURL(landing);
    return page;
  }

  it('an editor writes a news item with a photo, presses Terbitkan once, and sees it live', async () => {
    const page = await signIn('editor.disdukcapil@laman.example');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'dasbor-ponsel.png'), fullPage: true });
    await page.click('text=Tulis berita');
    await page.waitForURL(/\/berita\/baru$/);
    expect(await axeViolations(page)).toEqual([]);

    // Mistakes first: the messages sit on the fields, in Bahasa Indonesia, and nothing is saved — but the
    // photo chosen is kept (it went to the media library) and does not have to be picked again.
    await page.fill('#summary', 'Ringkasan yang tidak hilang.');
    const first = { name: 'foto-sementara.jpg', mimeType: 'image/jpeg', buffer: readFileSync(PHOTO) };
    await page.setInputFiles('#cover-file', first);
    await page.fill('#cover-alt', 'Petugas merekam sidik jari warga di meja pelayanan');
    await submitWithPhoto(page, 'button[value=terbitkan]');
    expect(await page.textContent('#title-galat')).toBe('Judul wajib diisi');
    expect(await page.textContent('#body-galat')).toBe('Isi berita wajib diisi');
    expect(await page.getAttribute('#title', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#summary')).toBe('Ringkasan yang tidak hilang.');
    expect(await page.$('#cover img.thumb')).not.toBeNull();
    expect(await page.$('#cover-file-galat')).toBeNull();
    expect(await page.inputValue('#cover-alt')).toBe('Petugas merekam sidik jari warga di meja pelayanan');
    // A length-limited field says its limit, and keeps to it.
    expect(await page.getAttribute('#title', 'maxlength')).toBe('200');
    expect(await page.textContent('label[for=title]')).toContain('maks. 200 karakter');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'validasi-ponsel.png'), fullPage: true });

    const title = 'Pelayanan KTP-el keliling di Kelurahan Kupang Kota';
    await page.fill('#title', title);
    await fillBody(
      page,
      'Petugas Disdukcapil melayani perekaman KTP-el.\n\nWarga cukup membawa kartu keluarga.',
    );
    await page.setInputFiles('#cover-file', PHOTO);
    await page.fill('#cover-alt', 'Petugas merekam sidik jari warga di meja pelayanan');
    // On a slow link the person sees the upload moving (held back here so the bar can be seen).
    const slow = async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    };
    await page.route('**/berita/baru', slow);
    // The moment "Sudah tayang" appears, taken in the page itself: Playwright's waits poll with growing pauses
    // (up to half a second), which would be measured instead of the product.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (!window.lamanShownAt && document.querySelector('.success a')) window.lamanShownAt = Date.now();
      }).observe(document, { subtree: true, childList: true });
    });
    const submitted = performance.now();
    await page.click('button[value=terbitkan]');
    await page.waitForSelector('#kemajuan-teks:not([hidden])');
    expect(await page.textContent('#kemajuan-teks')).toMatch(/Mengunggah berkas|Berkas terkirim/);
    await page.waitForURL(/\/konten\//);
    await page.unroute('**/berita/baru', slow);
    // The page follows the build live (server-sent events), without reloading itself: a mark set now survives.
    await page.evaluate(() => (window.lamanMark = 'sama'));
    const article = `http://127.0.0.1:${sitesPortShared}/disdukcapil/berita/pelayanan-ktp-el-keliling-di-kelurahan-kupang-kota/`;
    let servedAt = null;
    const served = (async () => {
      for (let attempt = 0; attempt < 1200 && servedAt === null; attempt++) {
        if ((await fetch(article).catch(() => null))?.status === 200) servedAt = performance.now();
        else await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await page.waitForSelector('.success a', { timeout: 60_000 });
    await served;
    expect(await page.evaluate(() => window.lamanMark)).toBe('sama');
    // Both clocks are this machine's wall clock (the page's Date.now() and this process's time origin).
    const shownAt = (await page.evaluate(() => window.lamanShownAt)) - performance.timeOrigin;
    expect(shownAt).toBeGreaterThan(submitted);
    const seconds = ((shownAt - submitted) / 1000).toFixed(1);
    console.log(`Terbitkan → "Sudah tayang" shown on the phone: ${seconds} s`);
    console.log(
      `"Sudah tayang" shown ${Math.round(shownAt - servedAt)} ms after the site first served the page`,
    );
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
    // The news list shows the article's photo as its thumbnail.
    await page.goto(live.replace(/berita\/[^/]+\/$/, 'berita/'));
    const thumb = page.locator('article.card.with-thumb', { hasText: title }).locator('img');
    expect(await thumb.getAttribute('alt')).toBe('Petugas merekam sidik jari warga di meja pelayanan');

    // The photo is in the media library, with its alt text and where it is used; live use blocks deletion.
    await page.goto(`${admin}/opd/disdukcapil/media/?q=foto-kegiatan`);
    await page.click('ul.grid a');
    expect(await page.inputValue('#alt')).toBe('Petugas merekam sidik jari warga di meja pelayanan');
    expect(await page.textContent('#dipakai + ul')).toContain(title);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('button[value=hapus]');
    expect(await page.textContent('[role=alert]')).toContain(title);
    await page.fill('#caption', 'Pelayanan keliling, November 2026');
    await page.click('button[value=simpan]');
    await page.waitForURL(/tersimpan=1/);
    expect(await page.inputValue('#caption')).toBe('Pelayanan keliling, November 2026');
    // Replacing the file keeps its id, so the content using it follows; choosing nothing is a clear error.
    await page.click('button[value=ganti]');
    expect(await page.textContent('#berkas-galat')).toBe('Pilih berkas pengganti');
    const versionBefore = await page.getAttribute('form[data-unggah] input[name=version]', 'value');
    await page.setInputFiles('#berkas', PHOTO);
    await submitWithPhoto(page, 'button[value=ganti]');
    await page.waitForURL(/diganti=1/);
    expect(await page.textContent('[role=status]')).toContain('Berkas diganti');
    expect(Number(await page.getAttribute('form[data-unggah] input[name=version]', 'value'))).toBeGreaterThan(
      Number(versionBefore),
    );
    expect(await axeViolations(page)).toEqual([]);
    console.log(`Screenshots of the admin app: ${SHOTS}`);
    await page.close();
  }, 120_000);

  /** Types into the rich-text editor once it has replaced the plain text box. */
  async function fillBody(page, text) {
    await openEditor(page);
    await page.fill('#body', text);
  }

  /** The editor loads when the person first reaches the body field (a tap on its plain text box). */
  async function openEditor(page) {
    if (!(await page.$('.editor#body'))) await page.click('textarea#body');
    await page.waitForSelector('.editor#body');
  }

  /** The text of the rich-text editor (kept in step in the form's hidden text box). */
  function bodyText(page) {
    return page.$eval('textarea[name=body]', (box) => box.value);
  }

  /** Submits a form that carries a photo and returns once its answer is shown (sent by the upload script). */
  async function submitWithPhoto(page, button) {
    await page.click(button);
    await page.waitForSelector('#kemajuan-teks', { state: 'hidden' });
  }

  async function waitForLive(page) {
    await page.waitForSelector('.success a', { timeout: 60_000 });
    return page.getAttribute('.success a', 'href');
  }

  it('every content type has its form: rows, lists, decimals with a comma and rich text reach the public site', async () => {
    const page = await signIn('editor.disdukcapil@laman.example');
    for (const type of [
      'berita',
      'pengumuman',
      'agenda',
      'halaman',
      'pejabat',
      'layanan',
      'dokumen',
      'indikator',
      'galeri',
    ]) {
      await page.goto(`${admin}/opd/disdukcapil/${type}/baru`);
      expect(
        await page.$$eval('form.card label, form.card legend', (labels) => labels.length),
      ).toBeGreaterThan(3);
      expect({ type, violations: await axeViolations(page) }).toEqual({ type, violations: [] });
    }

    // A performance indicator: a number typed wrong is caught on its own row; a comma decimal is fine.
    await page.goto(`${admin}/opd/disdukcapil/indikator/baru`);
    await page.fill('#name', 'Persentase pengaduan selesai tepat waktu');
    await page.fill('#unit', 'persen');
    await page.fill('#values-0-year', '2025');
    await page.fill('#values-0-target', 'sembilan puluh');
    await page.click('button[value=terbitkan]');
    expect(await page.textContent('#values-0-target-galat')).toContain('Target harus berupa angka');
    expect(await page.inputValue('#name')).toBe('Persentase pengaduan selesai tepat waktu');
    // The focus is on the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('values-0-target');
    // Numbers as Indonesians write them: "12.5" could be read two ways and is asked again, never guessed.
    await page.fill('#values-0-target', '12.5');
    await page.click('button[value=terbitkan]');
    expect(await page.textContent('#values-0-target-galat')).toContain('bisa dibaca dua cara');
    expect(await page.textContent('#values-0-target-galat')).toContain('12,5');
    await page.fill('#baselineValue', '1.250');
    await page.click('button[value="tambah:values"]');
    expect(await page.$('#values-3-year')).not.toBeNull();
    await page.fill('#values-0-target', '90,5');
    await page.fill('#values-0-actual', '92,25');
    await page.fill('#values-1-year', '2026');
    await page.fill('#values-1-target', '95');
    await page.screenshot({ path: path.join(SHOTS, 'indikator-ponsel.png'), fullPage: true });
    await page.click('button[value=terbitkan]');
    const kinerja = await waitForLive(page);
    expect(kinerja).toMatch(/\/kinerja\/$/);
    // "1.250" was one thousand two hundred and fifty, not 1,25.
    expect(await page.inputValue('#baselineValue')).toBe('1250');
    await page.goto(kinerja);
    const performance = await page.textContent('main');
    expect(performance).toContain('Persentase pengaduan selesai tepat waktu');
    expect(performance).toContain('92,25');

    // A service: the API's rule (an online channel needs its address) lands on the row's field.
    await page.goto(`${admin}/opd/disdukcapil/layanan/baru`);
    await page.fill('#name', 'Legalisir dokumen kependudukan');
    await page.fill('#requirements', 'Dokumen asli\nFotokopi dokumen');
    await page.fill('#procedure', 'Unggah dokumen\nTunggu verifikasi\nAmbil di loket');
    await page.fill('#processingTime', '1 hari kerja');
    await page.fill('#fee', 'Gratis');
    await page.fill('#output', 'Dokumen terlegalisir');
    await page.fill('#complaintHandling', 'SP4N-LAPOR!');
    await page.selectOption('#deliveryChannels-0-kind', 'online');
    await page.fill('#deliveryChannels-0-name', 'Layanan daring Disdukcapil');
    await page.click('button[value=terbitkan]');
    expect(await page.textContent('#deliveryChannels-0-url-galat')).toBeTruthy();
    expect(await page.inputValue('#procedure')).toBe('Unggah dokumen\nTunggu verifikasi\nAmbil di loket');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#deliveryChannels-0-url', 'https://disdukcapil.example/legalisir');
    await page.click('button[value=terbitkan]');
    const service = await waitForLive(page);
    expect(service).toMatch(/\/layanan\/legalisir-dokumen-kependudukan\/$/);
    await page.goto(service);
    expect(await page.textContent('main')).toContain('Tunggu verifikasi');

    // An official's photo chosen from the media library (no upload): the site shows it with its variants.
    await page.goto(`${admin}/opd/disdukcapil/pejabat/baru`);
    await page.fill('#name', 'Drs. Hendra Gunawan, M.Si.');
    await page.fill('#position', 'Sekretaris Dinas');
    await page.click('fieldset#photo summary');
    await page.click('fieldset#photo label.pick >> nth=0');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('button[value=terbitkan]');
    const officials = await waitForLive(page);
    await page.goto(officials);
    const card = page.locator('main article', { hasText: 'Drs. Hendra Gunawan, M.Si.' });
    const portrait = card.locator('img');
    expect(await portrait.getAttribute('srcset')).toMatch(/w320\.jpg 320w/);

    // An announcement written with the rich-text editor: bold text stays bold on the site.
    // An end before the start: the API's message names the other field by its label, never "validFrom".
    await page.goto(`${admin}/opd/disdukcapil/pengumuman/baru`);
    await page.fill('#title', 'Pengumuman dengan tanggal terbalik');
    await fillBody(page, 'Isi.');
    const wib = (days) => new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
    await page.fill('#validFrom', wib(4));
    await page.fill('#validUntil', wib(3));
    await page.click('button[value=draf]');
    await page.waitForSelector('#validUntil-galat');
    const order = await page.textContent('#validUntil-galat');
    expect(order).toContain('Mulai tampil');
    expect(order).not.toMatch(/validFrom|fields\./);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('validUntil');

    await page.goto(`${admin}/opd/disdukcapil/pengumuman/baru`);
    await page.fill('#title', 'Perekaman KTP-el tutup sementara');
    await openEditor(page);
    await page.click('.editor#body');
    await page.keyboard.type('Layanan perekaman ');
    await page.click('button.tool-tebal');
    await page.keyboard.type('tutup pada 1 Desember');
    await page.click('button.tool-tebal');
    await page.keyboard.type(' karena pemeliharaan jaringan.');
    // It stops showing in three days (WIB), so the dashboard lists it as about to go.
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
    await page.fill('#validUntil', inThreeDays);
    expect(await page.getAttribute('button.tool-tebal', 'aria-pressed')).toBe('false');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'editor-teks-ponsel.png'), fullPage: true });
    await page.click('button[value=terbitkan]');
    const announcement = await waitForLive(page);
    await page.goto(announcement);
    expect(await page.innerHTML('main')).toContain('<strong>tutup pada 1 Desember</strong>');
    await page.goto(`${admin}/opd/disdukcapil/`);
    expect(await page.textContent('#segera-berakhir + ul')).toContain('Perekaman KTP-el tutup sementara');
    await page.close();
  }, 180_000);

  it('a contributor submits for review (no Terbitkan button); an editor sends one back with a note and publishes another', async () => {
    const contributor = await signIn('kontributor.disdukcapil@laman.example');
    const propose = async (title) => {
      await contributor.goto(`${admin}/opd/disdukcapil/berita/baru`);
      expect(await contributor.$('button[value=terbitkan]')).toBeNull();
      await contributor.fill('#title', title);
      await fillBody(contributor, `Isi ${title}.`);
      await contributor.click('button[value=ajukan]');
      await contributor.waitForURL(/\/konten\//);
      expect(await contributor.textContent('.state')).toBe('Menunggu review');
      return contributor.url();
    };
    const first = await propose('Usulan berita dari kontributor');
    // Pratinjau: the public page as it will look, from the site's own theme, before anything is published.
    const [preview] = await Promise.all([
      contributor.waitForEvent('popup'),
      contributor.click('text=Pratinjau (tab baru)'),
    ]);
    await preview.waitForLoadState();
    expect(await preview.textContent('main h1')).toBe('Usulan berita dari kontributor');
    expect(await preview.textContent('[role=note]')).toContain('belum tayang');
    await preview.screenshot({ path: path.join(SHOTS, 'pratinjau-ponsel.png'), fullPage: true });
    await preview.close();
    const second = await propose('Usulan kedua yang perlu diperbaiki');

    const editor = await signIn('editor.disdukcapil@laman.example');
    expect(await editor.textContent('#review + ul')).toContain('Usulan berita dari kontributor');
    // Editors are told an item waits for them.
    expect(await editor.textContent('#pemberitahuan')).toMatch(/Pemberitahuan \(\d+ baru\)/);
    await editor.click('text=Usulan kedua yang perlu diperbaiki');
    await editor.click('button[value=kembalikan]');
    expect(await editor.textContent('#comment-galat')).toContain('catatan');
    await editor.fill('#comment', 'Mohon tambahkan foto kegiatan.');
    await editor.click('button[value=kembalikan]');
    await editor.waitForURL(/dari=kembalikan/);
    expect(await editor.textContent('.state')).toBe('Draf');
    await contributor.goto(second);
    expect(await contributor.textContent('main')).toContain('Mohon tambahkan foto kegiatan.');
    // The writer is told in the app (and by e-mail when SMTP is set) that it came back, with the note.
    await contributor.click('#pemberitahuan');
    await contributor.waitForURL(/\/pemberitahuan$/);
    expect(await contributor.textContent('main')).toContain(
      '"Usulan kedua yang perlu diperbaiki" dikembalikan dengan catatan: Mohon tambahkan foto kegiatan.',
    );
    expect(await axeViolations(contributor)).toEqual([]);
    await contributor.reload();
    expect((await contributor.textContent('#pemberitahuan')).trim()).toBe('Pemberitahuan');

    await editor.goto(first);
    await editor.click('button[value=terbitkan]');
    const live = await waitForLive(editor);
    await editor.goto(live);
    expect(await editor.textContent('h1')).toBe('Usulan berita dari kontributor');
    await Promise.all([contributor.close(), editor.close()]);
  }, 120_000);

  it('a platform admin adds a spam term; news using it, however spelt, is sent back with the reason and the platform told', async () => {
    const platform = await signIn('platform@laman.example', /\/platform\/$/);
    await platform.click('text=Penyaring spam');
    await platform.waitForURL(/\/platform\/penyaring-spam$/);
    await platform.fill('#term', 'hoki jitu');
    await platform.fill('#note', 'Laporan warga, November 2026');
    await platform.click('form.card button[type=submit]');
    await platform.waitForSelector('[role=status]');
    expect(await platform.textContent('#tambahan + ul')).toContain('hoki jitu');
    expect(await axeViolations(platform)).toEqual([]);

    const editor = await signIn('editor.disdukcapil@laman.example');
    await editor.goto(`${admin}/opd/disdukcapil/berita/baru`);
    await editor.fill('#title', 'Promo akhir tahun');
    await fillBody(editor, 'Main di H0KI-J1TU sekarang.');
    await editor.click('button[value=terbitkan]');
    await editor.waitForURL(/\/konten\/[0-9a-f-]+$/);
    expect(await editor.textContent('.state')).toBe('Draf');
    const shown = await editor.textContent('main');
    expect(shown).toContain('Ditahan penyaring spam');
    expect(shown).toContain('"hoki jitu"');
    await editor.screenshot({ path: path.join(SHOTS, 'ditahan-penyaring-spam.png'), fullPage: true });

    await platform.goto(`${admin}/platform/`);
    expect(await platform.textContent('#peringatan + ul')).toContain('Promo akhir tahun');
    await platform.goto(`${admin}/platform/penyaring-spam`);
    await platform.click('button[name=hapus]');
    await platform.waitForSelector('[role=status]');
    expect(await platform.textContent('#tambahan ~ p')).toContain('Belum ada tambahan.');
    await Promise.all([platform.close(), editor.close()]);
  }, 120_000);

  it('two people edit at once: one-sided changes merge by themselves, a field both changed waits for a choice shown side by side with who and when', async () => {
    const writer = await signIn('editor.disdukcapil@laman.example');
    await writer.click('text=Tulis berita');
    await writer.fill('#title', 'Jadwal layanan akhir pekan');
    await fillBody(writer, 'Layanan buka Sabtu.');
    await writer.click('button[value=terbitkan]');
    await writer.waitForURL(/\/konten\//);
    const itemUrl = writer.url().split('?')[0];
    const live = await waitForLive(writer);
    // Pratinjau of what is live says so (not "belum tayang").
    expect(await (await writer.request.get(`${itemUrl}/pratinjau`)).text()).toContain(
      'versi ini sudah tayang',
    );
    // Each step in a fresh tab: an item page follows its site build by reloading itself.
    const tab = async (signedIn) => {
      const page = await browser.newPage({ viewport: PHONE });
      await page.context().addCookies(await signedIn.context().cookies());
      await page.goto(itemUrl);
      return page;
    };
    const other = await signIn('admin.disdukcapil@laman.example');

    // The other person changes the title; the writer, on the page opened before, the body: both kept.
    // (A published item's button is "Simpan & terbitkan"; after it the page follows the build until live.)
    const otherTab = await tab(other);
    const writerTab = await tab(writer);
    await otherTab.fill('#title', 'Jadwal layanan akhir pekan (diperbarui)');
    await otherTab.click('button[value=terbitkan]');
    await otherTab.waitForURL(/dari=terbitkan/);
    await fillBody(writerTab, 'Layanan buka Sabtu dan Minggu, pukul 08.00–12.00.');
    await writerTab.click('button[value=terbitkan]');
    await writerTab.waitForURL(/dari=terbitkan/);
    expect(await writerTab.textContent('main')).toContain('digabung dengan perubahan');
    await waitForLive(writerTab);
    expect(await writerTab.inputValue('#title')).toBe('Jadwal layanan akhir pekan (diperbarui)');
    expect(await bodyText(writerTab)).toBe('Layanan buka Sabtu dan Minggu, pukul 08.00–12.00.');

    // Both change the title, differently; the writer also changes the summary (only theirs: merged).
    const otherAgain = await tab(other);
    const mine = await tab(writer);
    await otherAgain.fill('#title', 'Jadwal layanan Sabtu–Minggu');
    await otherAgain.click('button[value=terbitkan]');
    await otherAgain.waitForURL(/dari=terbitkan/);
    await mine.fill('#title', 'Layanan akhir pekan: Sabtu dan Minggu');
    await mine.fill('#summary', 'Ringkasan baru dari penulis.');
    await mine.click('button[value=terbitkan]');
    await mine.waitForSelector('section.conflict');
    expect(await mine.textContent('[role=alert]')).toContain('menyimpan tulisan ini saat Anda mengedit');
    const panel = await mine.textContent('section.conflict');
    expect(panel).toMatch(/Diubah juga oleh \S+/);
    expect(panel).toContain('Jadwal layanan Sabtu–Minggu');
    expect(panel).toContain('Layanan akhir pekan: Sabtu dan Minggu');
    expect(await mine.$$eval('section.conflict legend', (legends) => legends.length)).toBe(1);
    expect(await mine.inputValue('#title')).toBe('Layanan akhir pekan: Sabtu dan Minggu');
    expect(await axeViolations(mine)).toEqual([]);
    await mine.screenshot({ path: path.join(SHOTS, 'konflik-ponsel.png'), fullPage: true });

    // Saving without a choice saves nothing: the choice is asked for beside the field.
    await mine.click('button[value=terbitkan]');
    await mine.waitForSelector('#pilih-title-galat');
    expect(await mine.textContent('#pilih-title-galat')).toContain('Pilih versi');
    const check = await tab(other);
    expect(await check.inputValue('#title')).toBe('Jadwal layanan Sabtu–Minggu');
    await check.close();

    // Merging: the writer edits the title to hold both, and keeps their (merged) version.
    await mine.fill('#title', 'Jadwal layanan Sabtu–Minggu, 08.00–12.00');
    await mine.check('input[name="pilih.title"][value=saya]');
    await mine.click('button[value=terbitkan]');
    await mine.waitForURL(/dari=terbitkan/);
    await waitForLive(mine);
    expect(await mine.inputValue('#title')).toBe('Jadwal layanan Sabtu–Minggu, 08.00–12.00');
    expect(await mine.inputValue('#summary')).toBe('Ringkasan baru dari penulis.');
    expect(await bodyText(mine)).toBe('Layanan buka Sabtu dan Minggu, pukul 08.00–12.00.');

    // The history shows, word by word, what the last save changed, and can restore an earlier revision.
    await mine.click('text=Riwayat revisi');
    expect(await mine.textContent('p.diff ins')).toContain('08.00–12.00');
    expect(await axeViolations(mine)).toEqual([]);
    await mine.click('text=Revisi 1');
    await mine.click('button:has-text("Pulihkan revisi 1")');
    // The message rides in a one-minute cookie, not in the address (an address could carry any words).
    await mine.waitForURL((url) => /\/konten\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await mine.textContent('main')).toContain('Revisi dipulihkan');
    expect(await bodyText(mine)).toBe('Layanan buka Sabtu.');

    const third = await tab(writer);
    await third.click('button[value=tarik]');
    await third.waitForURL(/dari=tarik/);
    let status = 200;
    for (let attempt = 0; attempt < 300 && status === 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (
        await fetch(live.replace(/^http:\/\/([a-z0-9-]+)\.localhost:(\d+)\//, 'http://127.0.0.1:$2/$1/'))
      ).status;
    }
    expect(status).toBe(404);
    await Promise.all(
      [writer, other, otherTab, writerTab, otherAgain, mine, third].map((page) => page.close()),
    );
  }, 180_000);

  it('a platform admin provisions an OPD whose first admin accepts the invitation and publishes', async () => {
    const platform = await signIn('platform@laman.example', /\/platform\/$/);
    expect(await platform.textContent('h1')).toContain('Semua OPD (5)');
    expect(await axeViolations(platform)).toEqual([]);
    await platform.screenshot({ path: path.join(SHOTS, 'platform-opd-ponsel.png'), fullPage: true });

    await platform.click('text=Build situs');
    expect(await platform.textContent('main')).toContain('Dinas Kependudukan dan Pencatatan Sipil');
    expect(await platform.$$eval('main details', (builds) => builds.length)).toBeGreaterThan(0);
    // The city portal's own builds are listed first (it is rebuilt after every OPD change); right after the
    // demo starts its first build may still run: the page is read again until it is done.
    for (let deadline = Date.now() + 90_000; ; await platform.reload()) {
      const portal = await platform.textContent('#situs-portal');
      if (portal.includes('sudah diperbarui') || Date.now() > deadline) {
        expect(portal).toContain('sudah diperbarui');
        break;
      }
      await platform.waitForTimeout(1000);
    }
    expect(await axeViolations(platform)).toEqual([]);
    await platform.screenshot({ path: path.join(SHOTS, 'build-situs-ponsel.png'), fullPage: true });
    // The sites are paged and searched by the API: a search lists only the OPDs it matches.
    await platform.fill('#cari', 'Kependudukan');
    await platform.click('form[role=search] button[type=submit]');
    await platform.waitForURL(/cari=Kependudukan/);
    expect(await platform.$$eval('ul.items > li', (items) => items.map((item) => item.id))).toEqual([
      'situs-disdukcapil',
    ]);

    // The working calendar of the legal clocks: a day the decree adds, shown with its source, then undone.
    await platform.goto(`${admin}/platform/`);
    await platform.click('text=Kalender kerja');
    await platform.goto(`${admin}/platform/kalender?tahun=2031`);
    await platform.fill('#day', '2031-03-24');
    await platform.fill('#name', 'x');
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('#name-galat')).toMatch(/\S/);
    await platform.fill('#name', 'Cuti bersama uji');
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('#hari-2031-03-24')).toContain('Cuti bersama uji');
    expect(await platform.textContent('#hari-2031-03-24')).toContain('koreksi Diskominfotik');
    expect(await platform.textContent('#hari-2031-03-24 strong')).toBe('Senin, 24 Maret 2031');
    expect(await axeViolations(platform)).toEqual([]);
    await platform.click('#hari-2031-03-24 button');
    expect(await platform.$('#hari-2031-03-24')).toBeNull();
    await platform.goto(`${admin}/platform/`);

    await platform.click('text=Tambah OPD');
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('#slug-galat')).toBeTruthy();
    expect(await platform.getAttribute('#name', 'aria-invalid')).toBe('true');
    expect(await axeViolations(platform)).toEqual([]);
    await platform.fill('#name', 'Dinas Pariwisata dan Ekonomi Kreatif');
    await platform.fill('#shortName', 'Disparekraf');
    await platform.fill('#slug', 'disparekraf');
    await platform.selectOption('#kind', 'dinas');
    await platform.fill('#adminName', 'Sari Wulandari');
    await platform.fill('#adminEmail', 'sari.wulandari@laman.example');
    await platform.click('form.card button[type=submit]');
    const invitation = await platform.getAttribute('#tautan-undangan', 'href');
    expect(invitation).toMatch(new RegExp(`^${admin}/terima-undangan\\?token=`));

    const newcomer = await (await browser.newContext({ viewport: PHONE })).newPage();
    await newcomer.goto(invitation);
    expect(await axeViolations(newcomer)).toEqual([]);
    await newcomer.fill('#password', 'Pariwisata-Lampung-2026');
    await newcomer.fill('#again', 'Pariwisata-Lampung-2026');
    await newcomer.click('form.card button[type=submit]');
    await newcomer.waitForURL(/\/opd\/disparekraf\/$/);
    await newcomer.click('text=Tulis berita');
    await newcomer.fill('#title', 'Festival Krakatau kembali digelar');
    await fillBody(newcomer, 'Festival tahunan kembali hadir.');
    await newcomer.click('button[value=terbitkan]');
    const live = await waitForLive(newcomer);
    expect(live).toMatch(
      /^http:\/\/disparekraf\.localhost:\d+\/berita\/festival-krakatau-kembali-digelar\/$/,
    );
    await newcomer.goto(live);
    expect(await newcomer.textContent('h1')).toBe('Festival Krakatau kembali digelar');

    // The OPD is reorganised: a new name and slug. Old bookmarks and the old site address keep working.
    await platform.goto(`${admin}/platform/`);
    await platform
      .locator('ul.items li', { hasText: 'Dinas Pariwisata dan Ekonomi Kreatif' })
      .locator('text=ubah data')
      .click();
    await platform.fill('#slug', 'Bukan Slug!');
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('#slug-galat')).toBeTruthy();
    expect(await axeViolations(platform)).toEqual([]);
    await platform.fill('#name', 'Dinas Pariwisata dan Kebudayaan');
    await platform.fill('#shortName', 'Disparbud');
    await platform.fill('#slug', 'disparbud');
    await platform.click('form.card button[type=submit]');
    await platform.waitForURL(/\/platform\/$/);
    expect(await platform.textContent('main')).toContain('tersimpan');
    await newcomer.goto(`${admin}/opd/disparekraf/`);
    expect(new URL(newcomer.url()).pathname).toBe('/opd/disparbud/');
    expect(await newcomer.textContent('h1')).toBe('Dinas Pariwisata dan Kebudayaan');
    const renamedSite = live.replace('disparekraf.localhost', 'disparbud.localhost');
    // Node cannot resolve *.localhost: the sites server also answers by path.
    const byPath = (url) =>
      url.replace(/^http:\/\/([a-z0-9-]+)\.localhost:(\d+)\//, 'http://127.0.0.1:$2/$1/');
    let status = 0;
    for (let attempt = 0; attempt < 300 && status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await fetch(byPath(renamedSite))).status;
    }
    expect(status).toBe(200);
    // The old address moves permanently to the new one (nginx does the same through the API in production).
    // The builder retires the old folder just after the new site goes live.
    let moved = await fetch(byPath(live), { redirect: 'manual' });
    for (let attempt = 0; attempt < 100 && moved.status !== 301; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      moved = await fetch(byPath(live), { redirect: 'manual' });
    }
    expect([moved.status, moved.headers.get('location')]).toEqual([
      301,
      '/disparbud/berita/festival-krakatau-kembali-digelar/',
    ]);
    await newcomer.goto(live);
    expect(newcomer.url()).toBe(renamedSite);
    expect(await newcomer.textContent('header')).toContain('Dinas Pariwisata dan Kebudayaan');
    await Promise.all([platform.close(), newcomer.close()]);
  }, 240_000);

  it('keeps every page light for a phone on mobile data (compressed; the editor only once the body is touched)', async () => {
    const page = await signIn('editor.disdukcapil@laman.example');
    const weights = {};
    const measure = async (name, work) => {
      const weight = { compressed: 0, bytes: 0, scripts: 0, scriptBytes: 0 };
      const count = async (response) => {
        const size = (await response.body().catch(() => Buffer.alloc(0))).length;
        const sizes = await response
          .request()
          .sizes()
          .catch(() => ({ responseBodySize: -1 }));
        weight.bytes += size;
        // An unknown size over the wire (-1) counts as the uncompressed body.
        weight.compressed += sizes.responseBodySize >= 0 ? sizes.responseBodySize : size;
        if (response.request().resourceType() !== 'script') return;
        weight.scripts += 1;
        weight.scriptBytes += size;
      };
      page.on('response', count);
      await work();
      await page.waitForLoadState('networkidle');
      page.off('response', count);
      weights[name] = weight;
    };
    for (const [name, url] of [
      ['masuk', `${admin}/masuk`],
      ['opd', `${admin}/opd/disdukcapil/`],
      ['tulis-berita', `${admin}/opd/disdukcapil/berita/baru`],
    ])
      await measure(name, () => page.goto(url));
    await measure('editor', () => openEditor(page));
    await measure('konten', () => page.goto(`${admin}/opd/disdukcapil/konten/daftar`));
    console.log(`Admin page weights (bytes over the wire, and uncompressed): ${JSON.stringify(weights)}`);
    // Only a form with a rich-text field loads scripts (the editor's small loader and the photo upload's
    // progress bar, files of their own under the admin's script-src 'self' policy); it works before they arrive.
    for (const name of ['masuk', 'opd', 'tulis-berita', 'konten']) {
      const weight = weights[name];
      expect({ name, scripts: weight.scripts }).toEqual({ name, scripts: name === 'tulis-berita' ? 2 : 0 });
      expect(weight.bytes - weight.scriptBytes).toBeLessThan(30_000);
      expect(weight.bytes).toBeGreaterThan(1_000);
    }
    expect(weights['tulis-berita'].scriptBytes).toBeLessThan(10_000);
    // The editor arrives when the body is touched; with it, the form page stays under 150 KB on the wire.
    expect(weights['editor'].scripts).toBeGreaterThanOrEqual(1);
    expect(weights['tulis-berita'].compressed + weights['editor'].compressed).toBeLessThan(150_000);
    expect(weights['editor'].compressed).toBeLessThan(weights['editor'].bytes);
    await page.close();
  }, 60_000);

  it('lists content with search and filters, and shows a monitor every OPD read-only', async () => {
    const page = await signIn('editor.disdukcapil@laman.example');
    await page.click('text=Semua konten');
    await page.fill('#q', 'Kupang Kota');
    await page.selectOption('#jenis', 'berita');
    await page.click('form.card button[type=submit]');
    await page.waitForURL(/q=Kupang/);
    const titles = await page.$$eval('ul.items li a', (links) => links.map((link) => link.textContent));
    expect(titles).toEqual(['Pelayanan KTP-el keliling di Kelurahan Kupang Kota']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const monitor = await signIn('monitor@laman.example', /\/pantau\/$/);
    expect(await monitor.$$eval('ul.items li strong', (names) => names.length)).toBeGreaterThanOrEqual(5);
    // Scores with their reasons, lowest first; no form that changes anything.
    expect(await monitor.textContent('#opd-disdukcapil .state')).toMatch(
      /^\d+(,\d)? · (Informatif|Menuju Informatif|Cukup Informatif|Kurang Informatif|Tidak Informatif)$/,
    );
    expect(await monitor.textContent('#opd-disdukcapil details')).toContain('Belum ada profil PPID');
    expect(await monitor.$('main form[method=post]')).toBeNull();
    // The city summed up: every band with its count; one band's link lists only that band's OPDs.
    const bandCounts = await monitor.$$eval('#ringkasan-kota .bands li', (items) =>
      items.map((item) => ({
        id: item.id,
        count: Number(item.querySelector('strong').textContent.replace(/\D/g, '')),
      })),
    );
    expect(bandCounts).toHaveLength(5);
    const listed = await monitor.$$eval('ul.items > li', (items) => items.length);
    expect(bandCounts.reduce((sum, band) => sum + band.count, 0)).toBe(listed);
    const fullest = bandCounts.reduce((most, band) => (band.count > most.count ? band : most));
    await monitor.click(`#${fullest.id} a`);
    await monitor.waitForURL(/kategori=/);
    const bandLabel = (await monitor.textContent(`#${fullest.id} a`)).split(':')[0].trim();
    const states = await monitor.$$eval('ul.items > li .state', (spans) =>
      spans.map((span) => span.textContent),
    );
    expect(states).toHaveLength(fullest.count);
    expect(states.every((state) => state.endsWith(`· ${bandLabel}`))).toBe(true);
    // A search by name: the rest of the city is not listed.
    await monitor.goto(`${admin}/pantau/?cari=${encodeURIComponent('Kependudukan')}`);
    expect(await monitor.$$eval('ul.items > li', (items) => items.map((item) => item.id))).toEqual([
      'opd-disdukcapil',
    ]);
    expect(await monitor.textContent('#jumlah')).toMatch(/OPD 1–1 dari 1/);
    expect(await axeViolations(monitor)).toEqual([]);
    await monitor.goto(`${admin}/pantau/`);
    const csv = await monitor.request.get(`${admin}/pantau/skor.csv`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // Columns for Excel set to Indonesian (`;`), times in WIB, the file named by the WIB date.
    expect(lines[0]).toBe(
      '"OPD";"Slug";"Jenis";"Skor";"Kategori";"Hari sejak terakhir terbit";"Terakhir terbit (WIB)";"Belum terpenuhi"',
    );
    expect(lines.find((line) => line.includes('"disdukcapil"'))).toMatch(
      /^"Dinas Kependudukan dan Pencatatan Sipil";"disdukcapil";"Dinas";"\d+(,\d+)?";"[A-Za-z ]+Informatif";"\d*";"(\d{4}-\d\d-\d\d \d\d:\d\d)?";.*Belum ada profil PPID/,
    );
    const wibToday = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(csv.headers()['content-disposition']).toContain(`skor-opd-${wibToday}.csv`);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    // The same as an Excel workbook: numbers as numbers, one row per missing item, and the daily trend.
    const xlsx = await monitor.request.get(`${admin}/pantau/skor.xlsx`);
    expect(xlsx.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.body());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Skor', 'Belum terpenuhi', 'Tren']);
    const scoreRow = workbook
      .getWorksheet('Skor')
      .getSheetValues()
      .find((row) => row?.[2] === 'disdukcapil');
    expect(typeof scoreRow[4]).toBe('number');
    const gapRows = workbook
      .getWorksheet('Belum terpenuhi')
      .getSheetValues()
      .filter((row) => row?.[2] === 'disdukcapil');
    expect(gapRows.map((row) => row[3])).toContain('Belum ada profil PPID');
    // The city's daily average (one column per OPD would not fit a province in Excel).
    const trendRows = workbook.getWorksheet('Tren').getSheetValues().filter(Boolean);
    expect(trendRows[0].slice(1)).toEqual(['Hari', 'Rata-rata kota', 'OPD dinilai']);
    expect(trendRows.at(-1).slice(1)).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(trendRows.at(-1)[3]).toBeGreaterThan(0);
    expect(await axeViolations(monitor)).toEqual([]);

    // Each OPD's audit log, read-only: actions in words (never "content.publish"), people by name.
    await monitor.click('#opd-disdukcapil a:has-text("log audit")');
    await monitor.waitForURL(/\/pantau\/disdukcapil\/log$/);
    const log = await monitor.textContent('main');
    expect(log).toContain('menerbitkan');
    expect(log).not.toMatch(/\b(content|media|user|tenant|settings)\.[a-z_]+/);
    expect(await monitor.$('main form')).toBeNull();
    expect(await axeViolations(monitor)).toEqual([]);
    await monitor.goto(`${admin}/pantau/`);

    // The city portal: news from every OPD (the renamed OPD's festival, linked at its new address), the
    // service catalogue with MPP and online marks, and city-wide search.
    await monitor.click('#portal');
    await monitor.waitForURL(/^http:\/\/portal\.localhost:\d+\/$/);
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await monitor.textContent('main')).includes('Festival Krakatau kembali digelar')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await monitor.reload();
    }
    expect(await monitor.getAttribute('text=Festival Krakatau kembali digelar', 'href')).toMatch(
      /^http:\/\/disparbud\.localhost:\d+\/berita\/festival-krakatau-kembali-digelar\/$/,
    );
    expect(await axeViolations(monitor)).toEqual([]);
    await monitor.screenshot({ path: path.join(SHOTS, 'portal-ponsel.png'), fullPage: true });
    await monitor.click('nav >> text=Katalog layanan');
    const kk = monitor.locator('#mpp ~ article', { hasText: 'Penerbitan Kartu Keluarga' });
    expect(await kk.locator('.mark.mpp').count()).toBe(1);
    expect(await axeViolations(monitor)).toEqual([]);
    await monitor.fill('#cari-situs', 'kartu keluarga');
    await monitor.click('form[role=search] button');
    await monitor.waitForSelector('#hasil ol li a');
    const hits = await monitor.$$eval('#hasil ol li a', (links) => links.map((link) => link.textContent));
    expect(hits).toContain('Penerbitan Kartu Keluarga');
    expect(await axeViolations(monitor)).toEqual([]);
    await monitor.close();
  }, 90_000);

  it('a tenant admin sees what the site lacks, and saves settings with clear errors (phone, brand colour contrast)', async () => {
    const page = await signIn('admin.disdukcapil@laman.example', /\/opd\/disdukcapil\/$/);
    const gaps = await page.textContent('#belum-ada + ul');
    expect(gaps).toContain('Belum ada profil PPID');

    await page.click('text=Pengaturan situs');
    await page.fill('#contact-phone', '(0000)000000');
    await page.fill('#brandColor', '#f1c232');
    await page.click('button[value=simpan]');
    expect(await page.textContent('#contact-phone-galat')).toMatch(/^Harus berupa nomor telepon Indonesia/);
    expect(await page.textContent('#brandColor-galat')).toContain('4,5:1');
    expect(await page.inputValue('#contact-phone')).toBe('(0000)000000');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'pengaturan-ponsel.png'), fullPage: true });

    await page.fill('#contact-phone', '0721 481234');
    await page.fill('#brandColor', '#7b1fa2');
    // A logo from the phone, and the menu reordered: Layanan moves up above Agenda.
    await page.fill('#logo-alt', 'Logo Disdukcapil');
    expect(await page.inputValue('#menu-5-label')).toBe('Layanan');
    await page.click('button[value="naik:menu.5"]');
    expect(await page.inputValue('#menu-4-label')).toBe('Layanan');
    await page.setInputFiles('#logo-file', PHOTO);
    await submitWithPhoto(page, 'button[value=simpan]');
    await page.waitForURL(/tersimpan=1/);
    expect(await page.inputValue('#contact-phone')).toBe('0721 481234');
    expect(await page.inputValue('#menu-4-label')).toBe('Layanan');
    expect(await page.$('fieldset#logo img.thumb')).not.toBeNull();
    await page.goto(`${admin}/opd/disdukcapil/`);
    expect(await page.textContent('#belum-ada + ul')).not.toContain('Belum ada nomor telepon');

    // Users: invite a contributor (one-time link), make them an editor, deactivate; the audit log shows it.
    await page.click('text=Pengguna');
    await page.fill('#name', 'Budi Santoso');
    await page.fill('#email', 'budi.santoso@laman.example');
    await page.selectOption('#role', 'contributor');
    await page.click('button[value=undang]');
    const invited = await page.getAttribute('#tautan-undangan', 'href');
    expect(invited).toContain('/terima-undangan?token=');
    // Passed on the way people do: copied with one tap, or sent through WhatsApp with a line of text.
    const whatsapp = await page.getAttribute('a:has-text("Kirim lewat WhatsApp")', 'href');
    expect(decodeURIComponent(whatsapp.replace('https://wa.me/?text=', ''))).toContain(invited);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: admin });
    await page.click('button:has-text("Salin tautan")');
    await page.waitForFunction(() => document.querySelector('[data-salin-status]')?.textContent);
    expect(await page.textContent('[data-salin-status]')).toBe('Tautan tersalin.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invited);
    const row = page.locator('ul.items li', { hasText: 'Budi Santoso' });
    await row.locator('select').selectOption('editor');
    await row.locator('button[value=peran]').click();
    expect(
      await page.locator('ul.items li', { hasText: 'Budi Santoso' }).locator('.state').first().textContent(),
    ).toBe('Editor');
    await page
      .locator('ul.items li', { hasText: 'Budi Santoso' })
      .locator('button[value=nonaktifkan]')
      .click();
    expect(await page.locator('ul.items li', { hasText: 'Budi Santoso' }).textContent()).toContain(
      'Nonaktif',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${admin}/opd/disdukcapil/log`);
    const log = await page.textContent('ul.items');
    expect(log).toContain('mengundang pengguna');
    expect(log).toContain('mengubah pengaturan situs');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('a forgotten password: the tenant admin makes a one-time link, old sessions end; then the person changes it', async () => {
    const admin1 = await signIn('admin.disdukcapil@laman.example', /\/opd\/disdukcapil\/$/);
    await admin1.goto(`${admin}/opd/disdukcapil/pengguna`);
    await admin1.fill('#name', 'Rina Marlina');
    await admin1.fill('#email', 'rina.marlina@laman.example');
    await admin1.click('button[value=undang]');
    const invitation = await admin1.getAttribute('#tautan-undangan', 'href');
    const rina = await (await browser.newContext({ viewport: PHONE })).newPage();
    await rina.goto(invitation);
    await rina.fill('#password', 'Rina-Pertama-2026');
    await rina.fill('#again', 'Rina-Pertama-2026');
    await rina.click('form.card button[type=submit]');
    await rina.waitForURL(/\/opd\/disdukcapil\/$/);

    await admin1.goto(`${admin}/opd/disdukcapil/pengguna`);
    await admin1
      .locator('ul.items li', { hasText: 'Rina Marlina' })
      .locator('button[value=atur-ulang-sandi]')
      .click();
    const reset = await admin1.getAttribute('#tautan-undangan', 'href');
    expect(reset).toMatch(new RegExp(`^${admin}/atur-ulang-sandi\\?token=`));

    const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
    await phone.goto(reset);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.fill('#password', 'Rina-Kedua-2026');
    await phone.fill('#again', 'Rina-Lain-2026');
    await phone.click('form.card button[type=submit]');
    expect(await phone.textContent('#again-galat')).toBe('Kedua kata sandi tidak sama');
    await phone.fill('#password', 'Rina-Kedua-2026');
    await phone.fill('#again', 'Rina-Kedua-2026');
    await phone.click('form.card button[type=submit]');
    await phone.waitForURL(/\/opd\/disdukcapil\/$/);
    // The session from before the reset has ended (its access token lapses; the refresh is refused).
    await rina.context().clearCookies({ name: 'laman_akses' });
    await rina.goto(`${admin}/opd/disdukcapil/`);
    expect(new URL(rina.url()).pathname).toBe('/masuk');

    // Changing the password later, from "Akun saya": a wrong current password is named on its field.
    await phone.click('header a[href="/akun"]');
    await phone.fill('#currentPassword', 'salah-sekali-2026');
    await phone.fill('#newPassword', 'Rina-Ketiga-2026');
    await phone.fill('#again', 'Rina-Ketiga-2026');
    await phone.click('form.card button[type=submit]');
    expect(await phone.textContent('#currentPassword-galat')).toBeTruthy();
    expect(await axeViolations(phone)).toEqual([]);
    await phone.fill('#currentPassword', 'Rina-Kedua-2026');
    await phone.fill('#newPassword', 'Rina-Ketiga-2026');
    await phone.fill('#again', 'Rina-Ketiga-2026');
    await phone.click('form.card button[type=submit]');
    await phone.waitForURL(/tersimpan=1/);
    expect(await phone.textContent('[role=status]')).toContain('Kata sandi diganti');
    await phone.goto(`${admin}/opd/disdukcapil/`);
    expect(new URL(phone.url()).pathname).toBe('/opd/disdukcapil/');
    await Promise.all([admin1.close(), rina.close(), phone.close()]);
  }, 90_000);

  it('a monitor sees an OPD that went stale drop in the ranking, and its editor sees the same item to do', async () => {
    const stale = 'kec-teluk-betung-utara';
    const monitor = await signIn('monitor@laman.example', /\/pantau\/$/);
    const ranking = () => monitor.$$eval('ul.items > li', (items) => items.map((item) => item.id));
    const scoreOf = async () => Number((await monitor.textContent(`#opd-${stale} .state`)).split(' ')[0]);
    const before = { rank: (await ranking()).indexOf(`opd-${stale}`), score: await scoreOf() };
    expect(await monitor.textContent(`#opd-${stale}`)).not.toContain(
      'Tidak ada berita dalam 30 hari terakhir',
    );

    // Time passes: the OPD's news and its last publication are now 45 days old (written as the database's
    // superuser, as the clock would have done it).
    const secrets = JSON.parse(readFileSync(path.join(parent, 'data', 'local-secrets.json'), 'utf8'));
    const db = new pg.Client({
      connectionString: `postgresql://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${dbPort}/laman`,
    });
    await db.connect();
    try {
      await db.query(
        `UPDATE published_content SET published_at = published_at - interval '45 days'
          WHERE type = 'berita' AND tenant_id = (SELECT id FROM tenants WHERE slug = $1)`,
        [stale],
      );
      await db.query(
        `UPDATE tenants SET last_published_at = last_published_at - interval '45 days',
           content_version = content_version + 1 WHERE slug = $1`,
        [stale],
      );
    } finally {
      await db.end();
    }

    await monitor.reload();
    const after = { rank: (await ranking()).indexOf(`opd-${stale}`), score: await scoreOf() };
    expect(after.score).toBeLessThan(before.score);
    expect(after.rank).toBeLessThanOrEqual(before.rank);
    expect(await monitor.textContent(`#opd-${stale}`)).toContain('Tidak ada berita dalam 30 hari terakhir');
    await monitor.goto(`${admin}/pantau/?urut=hari`);
    expect((await ranking())[0]).toBe(`opd-${stale}`);
    expect(await monitor.textContent(`#opd-${stale}`)).toContain('45 hari sejak terakhir diperbarui');
    await monitor.close();

    const editor = await signIn(`editor.${stale}@laman.example`, new RegExp(`/opd/${stale}/$`));
    expect(await editor.textContent('#belum-ada + ul')).toContain('Tidak ada berita dalam 30 hari terakhir');
    await editor.close();
  }, 60_000);

  it("a platform admin sets the city policy and one OPD's differences; the to-do lists follow", async () => {
    const platform = await signIn('platform@laman.example', /\/platform\/$/);
    await platform.click('text=Kebijakan pemantauan');
    await platform.waitForURL(/\/platform\/kebijakan$/);
    expect(await axeViolations(platform)).toEqual([]);
    await platform.fill('#newsMaxDays', '500');
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('#newsMaxDays-galat')).toBeTruthy();
    expect(await platform.inputValue('#newsMaxDays')).toBe('500');
    // News every 60 days, and the city stops asking for a Renstra.
    await platform.fill('#newsMaxDays', '60');
    await platform.uncheck('input[name=required][value="performance.renstra"]');
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('[role=status]')).toContain('Kebijakan tersimpan');
    expect(await platform.isChecked('input[name=required][value="performance.renstra"]')).toBe(false);

    // Kec. Teluk Betung Utara need not keep its own PPID profile.
    await platform.goto(`${admin}/platform/`);
    await platform
      .locator('ul.items li', { hasText: 'Teluk Betung Utara' })
      .locator('text=kebijakan')
      .click();
    await platform.waitForURL(/\/kebijakan$/);
    expect(await axeViolations(platform)).toEqual([]);
    await platform.check('input[name=exempt][value="ppid.profile"]');
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('[role=status]')).toContain('Tersimpan');
    await platform.close();

    const editor = await signIn(
      'editor.kec-teluk-betung-utara@laman.example',
      /\/opd\/kec-teluk-betung-utara\/$/,
    );
    const todo = await editor.textContent('#belum-ada + ul');
    expect(todo).not.toContain('Renstra');
    expect(todo).not.toContain('Belum ada profil PPID');
    // Its news, 45 days old, is within the city's new 60-day cadence.
    expect(todo).not.toContain('Tidak ada berita');
    await editor.close();
    const other = await signIn('editor.disdukcapil@laman.example');
    const otherTodo = await other.textContent('#belum-ada + ul');
    expect(otherTodo).toContain('Belum ada profil PPID');
    expect(otherTodo).not.toContain('Renstra');
    await other.close();
  }, 60_000);

  /** A platform admin on an OPD's WordPress import page, reached from the OPD list. */
  const importPageOf = async (opd) => {
    const platform = await signIn('platform@laman.example', /\/platform\/$/);
    await platform.locator('ul.items li', { hasText: opd }).locator('text=impor WordPress').click();
    await platform.waitForURL(/\/impor$/);
    return platform;
  };

  it("a platform admin tries a WordPress import of an OPD's old site and reads what would come in, nothing written", async () => {
    const platform = await importPageOf('Teluk Betung Utara');
    expect(await axeViolations(platform)).toEqual([]);
    // Nothing chosen: the field says so.
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('#berkas-galat')).toContain('Pilih berkas ekspor');
    // The export of the old site: one news item of 2021, a private post, a menu entry.
    await platform.setInputFiles('#berkas', EXPORT);
    await platform.click('form.card button[type=submit]');
    await platform.waitForSelector('#hasil');
    const table = await platform.textContent('table');
    expect(table).toMatch(/Entri di berkas\s*3/);
    expect(table).toMatch(/Berita\s*2/);
    expect(table).toMatch(/Masuk sebagai draf\s*1/);
    expect(await platform.textContent('#perlu-diperiksa + ul')).toContain(
      'privat di WordPress: masuk sebagai draf',
    );
    expect(await platform.textContent('#dilewati + ul')).toContain('bukan konten situs (nav_menu_item)');
    expect(await axeViolations(platform)).toEqual([]);
    await platform.screenshot({ path: path.join(SHOTS, 'impor-wordpress-uji-coba.png'), fullPage: true });
    // A hostile export (an entity declared in a DOCTYPE) is refused with its reason, by the field.
    const hostile = path.join(mkdtempSync(path.join(tmpdir(), 'laman-wxr-')), 'ekspor.xml');
    writeFileSync(
      hostile,
      readFileSync(EXPORT, 'utf8').replace('<rss', '<!DOCTYPE rss [<!ENTITY x "x">]>\n<rss'),
    );
    await platform.setInputFiles('#berkas', hostile);
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('[role=alert]')).toContain(
      'Berkas ekspor WordPress tidak dapat dibaca',
    );
    expect(await platform.textContent('#berkas-galat')).toContain('DOCTYPE');
    await platform.close();
  });

  it('a platform admin imports the old site, follows it to its report, and may undo it as a whole', async () => {
    const platform = await importPageOf('Teluk Betung Utara');
    const importForm = platform.locator('form.card', { has: platform.locator('#ekspor') });
    // Nothing chosen: the field says so, and nothing is queued.
    await importForm.locator('button[type=submit]').click();
    expect(await platform.textContent('#ekspor-galat')).toContain('Pilih berkas ekspor');
    await platform.setInputFiles('#ekspor', EXPORT);
    await platform
      .locator('form.card', { has: platform.locator('#ekspor') })
      .locator('button[type=submit]')
      .click();
    expect(await platform.textContent('[role=status]')).toContain('Impor masuk antrean');
    // The scheduler takes it up: the page shows its progress until it is done (a busy machine takes longer).
    const deadline = Date.now() + 120_000;
    let history = await platform.textContent('section[aria-labelledby=riwayat]');
    while (!/Selesai/.test(history ?? '') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await platform.reload();
      history = await platform.textContent('section[aria-labelledby=riwayat]');
    }
    expect(history).toMatch(/Selesai/);
    // One published news item and one private post (as a draft) came in; the menu entry was skipped.
    expect(history).toMatch(/Baru 2/);
    expect(history).toMatch(/Dilewati 1/);
    expect(await axeViolations(platform)).toEqual([]);
    await platform.screenshot({ path: path.join(SHOTS, 'impor-wordpress-riwayat.png'), fullPage: true });
    await platform.click('text=Laporan impor ini');
    expect(await platform.textContent('#laporan ~ ul')).toContain('privat di WordPress: masuk sebagai draf');
    // Undo needs its confirmation; then everything that came in goes.
    const undo = platform.locator('section[aria-labelledby=riwayat] form');
    await undo.locator('button[type=submit]').click();
    expect(await platform.textContent('[role=alert]')).toContain('Centang persetujuan dulu');
    await platform.locator('section[aria-labelledby=riwayat] form input[type=checkbox]').check();
    await platform.locator('section[aria-labelledby=riwayat] form button[type=submit]').click();
    expect(await platform.textContent('[role=status]')).toContain('Impor dibatalkan');
    expect(await platform.textContent('section[aria-labelledby=riwayat]')).toContain('Dibatalkan');
    expect(await axeViolations(platform)).toEqual([]);
    await platform.close();
  }, 180_000);

  it("a platform admin queues several OPDs' old sites at once and follows them across the city", async () => {
    const platform = await signIn('platform@laman.example', /\/platform\/$/);
    await platform.click('text=Impor WordPress');
    await platform.waitForURL(/\/platform\/impor$/);
    expect(await axeViolations(platform)).toEqual([]);
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('#berkas-galat')).toContain('Pilih berkas ekspor');
    // Each file is named by its OPD's slug; one names no OPD: every file is refused by name, nothing queued.
    const folder = mkdtempSync(path.join(tmpdir(), 'laman-wxr-kota-'));
    const named = (name) => {
      writeFileSync(path.join(folder, name), readFileSync(EXPORT));
      return path.join(folder, name);
    };
    await platform.setInputFiles('#berkas', [named('bapperida.xml'), named('dinas-tak-ada.xml')]);
    await platform.click('form.card button[type=submit]');
    const refused = await platform.textContent('[role=alert]');
    expect(refused).toContain('tidak ada impor yang diantrekan');
    expect(refused).toContain('files[dinas-tak-ada.xml]: tidak ada OPD aktif');
    expect(await platform.textContent('.counts')).toMatch(/Menunggu giliran: 0/);

    await platform.setInputFiles('#berkas', [named('bapperida.xml'), named('diskominfo.xml')]);
    await platform.click('form.card button[type=submit]');
    expect(await platform.textContent('[role=status]')).toContain('2 impor masuk antrean');
    // The queue runs them one after another; the page shows where each stands (a busy machine takes longer).
    const both = async () =>
      `${await platform.textContent('#impor-bapperida')} ${await platform.textContent('#impor-diskominfo')}`;
    const deadline = Date.now() + 240_000;
    let shown = await both();
    while ((shown.match(/Selesai/g) ?? []).length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await platform.reload();
      shown = await both();
    }
    expect((shown.match(/Selesai/g) ?? []).length).toBe(2);
    expect(await platform.textContent('#impor-bapperida')).toMatch(/Baru 2/);
    expect(await axeViolations(platform)).toEqual([]);
    await platform.screenshot({ path: path.join(SHOTS, 'impor-wordpress-kota.png'), fullPage: true });
    // Each OPD's report is one link away; both are undone again there, leaving the demo OPDs as they were.
    for (const slug of ['bapperida', 'diskominfo']) {
      await platform.goto(`${admin}/platform/impor?cari=${slug}`);
      await platform.locator(`#impor-${slug}`).locator('text=Laporan dan riwayat impor').click();
      await platform.waitForSelector('#laporan');
      await platform.locator('section[aria-labelledby=riwayat] form input[type=checkbox]').first().check();
      await platform.locator('section[aria-labelledby=riwayat] form button[type=submit]').first().click();
      expect(await platform.textContent('[role=status]')).toContain('Impor dibatalkan');
    }
    await platform.goto(`${admin}/platform/impor?status=undone`);
    expect(await platform.textContent('ul.items')).toContain('bapperida');
    await platform.close();
  }, 360_000);

  it('weekly digests are written for every OPD and the city, readable in the app, and an OPD may opt out', async () => {
    const tenantAdmin = await signIn('admin.dpmptsp@laman.example', /\/opd\/dpmptsp\/$/);
    await tenantAdmin.click('text=Ringkasan mingguan');
    await tenantAdmin.uncheck('#kirim');
    await tenantAdmin.click('form.card button[type=submit]');
    expect(await tenantAdmin.textContent('[role=status]')).toContain('dihentikan');
    expect(await tenantAdmin.isChecked('#kirim')).toBe(false);

    const platform = await signIn('platform@laman.example', /\/platform\/$/);
    await platform.goto(`${admin}/pantau/ringkasan`);
    await platform.click('text=Tulis dan kirim ringkasan minggu ini sekarang');
    // The API's scheduler may have written this week's digests already (they are due from Monday 07:00 WIB);
    // either way nothing is written twice.
    expect(await platform.textContent('[role=status]')).toMatch(
      /^Ringkasan \d{4}-W\d{2} (ditulis|sudah ditulis)/,
    );
    // `pnpm start` has no mail server: digests are kept and shown, and say so.
    expect(await platform.textContent('#ringkasan-disdukcapil')).toContain('server surel belum diatur');
    expect(await platform.textContent('#ringkasan-dpmptsp')).toContain('berhenti berlangganan');
    expect(await platform.textContent('main')).toContain('Ringkasan mingguan OPD');
    expect(await axeViolations(platform)).toEqual([]);
    await platform.close();

    const editor = await signIn('editor.disdukcapil@laman.example');
    await editor.click('text=Ringkasan mingguan');
    await editor.locator('ul.items li details summary').first().click();
    expect(await editor.textContent('pre.digest')).toContain('- Belum ada profil PPID');
    expect(await axeViolations(editor)).toEqual([]);
    await Promise.all([editor.close(), tenantAdmin.close()]);
  }, 60_000);

  it('a citizen asks for information on the site without JavaScript; the PPID officer answers from a phone; the citizen reads it', async () => {
    const site = `http://127.0.0.1:${sitesPortShared}/disdukcapil`;
    for (let attempt = 0; attempt < 600; attempt++) {
      if ((await fetch(`${site}/ppid/`).catch(() => null))?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const citizenContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${site}/ppid/`);
    await citizen.fill('#f-name', 'Yuliana Marpaung');
    await citizen.fill('#f-address', 'Jl. Hayam Wuruk No. 12, Kedamaian');
    await citizen.fill('#f-email', 'yuliana@contoh.id');
    await citizen.fill('#f-information', 'Jumlah KTP-el yang dicetak per kecamatan pada 2026');
    await citizen.fill('#f-purpose', 'Bahan liputan pers mahasiswa');
    await citizen.check('input[name=delivery][value=email]');
    await citizen.click('form[action="permohonan"] button[type=submit]');
    await citizen.waitForURL(/\/ppid\/permohonan\/PPID-[0-9A-Z]{4}-[0-9A-Z]{4}\?baru=1$/);
    const code = /PPID-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(citizen.url())[0];

    const officer = await signIn('ppid.disdukcapil@laman.example');
    await officer.click('text=Permohonan informasi');
    await officer.waitForURL(/\/opd\/disdukcapil\/ppid\/$/);
    expect(await officer.textContent('main')).toContain('hari kerja lagi');
    expect(await axeViolations(officer)).toEqual([]);
    await officer.click(`text=${code}`);
    expect(await officer.textContent('main')).toContain('Yuliana Marpaung');
    expect(await axeViolations(officer)).toEqual([]);
    // A refusal must cite the OPD's published dikecualikan list: the demo has none, and the page says so.
    const answer = officer.locator('form:has(input[name=langkah][value=jawab])');
    await answer.locator('input[name=outcome][value=refused]').check();
    await answer.locator('textarea[name=message]').fill('Informasi ini kami kecualikan.');
    await answer.locator('button[type=submit]').click();
    expect(await officer.textContent('#dasar-galat')).toContain('daftar informasi dikecualikan');
    expect(await answer.locator('textarea[name=message]').inputValue()).toBe(
      'Informasi ini kami kecualikan.',
    );
    await answer.locator('input[name=outcome][value=granted]').check();
    await answer
      .locator('textarea[name=message]')
      .fill('Terlampir rekap cetak KTP-el per kecamatan, Januari–November 2026.');
    // The answer carries a document of the OPD's media library (the demo's Renja PDF stands in for the recap).
    await answer.locator('label', { hasText: 'Rencana Kerja' }).locator('input[name=attachments]').check();
    await answer.locator('button[type=submit]').click();
    expect(await officer.textContent('[role=status]')).toContain('Jawaban tercatat');
    expect(await officer.$('form:has(input[name=langkah][value=jawab])')).toBeNull();
    expect(await axeViolations(officer)).toEqual([]);
    await officer.screenshot({ path: path.join(SHOTS, 'ppid-dijawab-ponsel.png'), fullPage: true });
    await officer.close();

    // The desk is the duty's alone: the OPD's own admin neither sees the link nor gets in.
    const tenantAdmin = await signIn('admin.disdukcapil@laman.example');
    expect(await tenantAdmin.$('a[href="/opd/disdukcapil/ppid/"]')).toBeNull();
    await tenantAdmin.goto(`${admin}/opd/disdukcapil/ppid/`);
    expect(new URL(tenantAdmin.url()).pathname).toBe('/opd/disdukcapil/');
    // The admin gives the duty on Pengguna; the editor then has the desk too.
    await tenantAdmin.goto(`${admin}/opd/disdukcapil/pengguna`);
    const editorRow = tenantAdmin.locator('ul.items li', { hasText: 'editor.disdukcapil@laman.example' });
    await editorRow.locator('input[name=duties][value=ppid_officer]').check();
    await editorRow.locator('button[value=tugas]').click();
    expect(await tenantAdmin.textContent('[role=status]')).toContain('Tugas PPID disimpan');
    expect(await axeViolations(tenantAdmin)).toEqual([]);
    await tenantAdmin.close();
    const editor = await signIn('editor.disdukcapil@laman.example');
    expect(await editor.$('a[href="/opd/disdukcapil/ppid/"]')).not.toBeNull();
    await editor.close();

    await citizen.fill('#f-contact', 'yuliana@contoh.id');
    await citizen.click('button[type=submit]');
    const status = await citizen.textContent('main');
    expect(status).toContain('Dikabulkan');
    expect(status).toContain('Terlampir rekap cetak KTP-el per kecamatan');
    expect(status).not.toContain('Yuliana');
    // The attached file opens from the status page (a signed address), a PDF.
    const attachment = citizen.locator('a[download$=".pdf"]');
    expect(await attachment.count()).toBe(1);
    const opened = await citizen.request.get(await attachment.getAttribute('href'));
    expect(opened.status()).toBe(200);
    expect((await opened.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // Not satisfied, the citizen objects from the status page (still without JavaScript) …
    await citizen.check('input[name=reasons][value=not_as_asked]');
    await citizen.fill('#f-statement', 'Rekap yang dikirim hanya sampai Oktober, bukan November.');
    await citizen.click('form[action="keberatan"] button[type=submit]');
    expect(await citizen.textContent('main')).toContain('Keberatan diajukan kepada atasan PPID');

    // … and the atasan PPID answers it from a phone; the officer's own forms are not theirs.
    const superior = await signIn('atasan.disdukcapil@laman.example');
    await superior.click('text=Permohonan informasi');
    await superior.click('text=Keberatan atas jawaban PPID');
    await superior.waitForURL(/\/opd\/disdukcapil\/ppid\/keberatan$/);
    expect(await superior.textContent('main')).toContain('hari kerja lagi');
    expect(await axeViolations(superior)).toEqual([]);
    await superior.click(`text=${code}`);
    expect(await superior.$('form:has(input[name=langkah][value=jawab])')).toBeNull();
    const objection = superior.locator('form:has(input[name=langkah][value=keberatan])');
    await objection.locator('input[name=outcome][value=upheld]').check();
    await objection
      .locator('textarea[name=message]')
      .fill('Keberatan diterima: PPID mengirim rekap sampai November dalam tiga hari kerja.');
    await objection.locator('button[type=submit]').click();
    expect(await superior.textContent('[role=status]')).toContain('Jawaban atas keberatan tercatat');
    expect(await superior.textContent('main')).toContain('Batas sengketa ke Komisi Informasi');
    expect(await axeViolations(superior)).toEqual([]);
    await superior.screenshot({
      path: path.join(SHOTS, 'ppid-keberatan-dijawab-ponsel.png'),
      fullPage: true,
    });

    // The register and the year's report, generated from the requests, on the page and as a workbook.
    await superior.goto(`${admin}/opd/disdukcapil/ppid/laporan`);
    const reportPage = (await superior.textContent('main')).replace(/\s+/g, ' ');
    expect(await superior.textContent('tr:has(th:text-is("Keberatan diajukan")) td')).toBe('1');
    expect(reportPage).toContain(code);
    expect(reportPage).not.toContain('Yuliana');
    expect(await axeViolations(superior)).toEqual([]);
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const download = await superior.request.get(`${admin}/opd/disdukcapil/ppid/laporan.xlsx?tahun=${year}`);
    expect(download.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await download.body());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Laporan', 'Register']);
    const received = book
      .getWorksheet('Laporan')
      .getSheetValues()
      .find((row) => row?.[1] === 'Permohonan diterima');
    expect(received[2]).toBeGreaterThanOrEqual(1);
    const registered = book
      .getWorksheet('Register')
      .getSheetValues()
      .find((row) => row?.[1] === code);
    expect(registered[5]).toBe('Dikabulkan');
    expect(JSON.stringify(book.getWorksheet('Register').getSheetValues())).not.toContain('Yuliana');
    // The same report as the site publishes it, in PDF, from the page's link.
    const pdfLink = await superior.getAttribute(`a[href$="/ppid/laporan/${year}.pdf"]`, 'href');
    // (Node cannot resolve *.localhost as browsers do: the same site by path on the sites server.)
    const linked = new URL(pdfLink);
    expect(linked.hostname).toBe('disdukcapil.localhost');
    const pdf = await superior.request.get(`http://127.0.0.1:${linked.port}/disdukcapil${linked.pathname}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await superior.close();

    await citizen.goto(`${site}/ppid/permohonan/${code}`);
    await citizen.fill('#f-contact', 'yuliana@contoh.id');
    await citizen.click('button[type=submit]');
    const outcome = (await citizen.textContent('main')).replace(/\s+/g, ' ');
    expect(outcome).toContain('Keberatan diterima');
    expect(outcome).toContain('Komisi Informasi');
    await citizenContext.close();
  }, 180_000);

  it('a citizen rates a service on the site; the OPD reads the index, the trend and the suggestion, and downloads the tables', async () => {
    const site = `http://127.0.0.1:${sitesPortShared}/disdukcapil`;
    for (let attempt = 0; attempt < 600; attempt++) {
      if ((await fetch(`${site}/layanan/penerbitan-kartu-keluarga/`).catch(() => null))?.status === 200)
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const citizenContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${site}/layanan/penerbitan-kartu-keluarga/`);
    for (let element = 1; element <= 9; element++) await citizen.check(`input[name=u${element}][value="4"]`);
    const suggestion = 'Mohon tambah kursi di ruang tunggu lantai dua.';
    await citizen.fill('#s-suggestion', suggestion);
    await citizen.click('.survey button[type=submit]');
    await citizen.waitForURL(/\/survei\/\?terkirim=1&layanan=[a-z0-9-]+$/);
    await citizenContext.close();

    const editor = await signIn('editor.disdukcapil@laman.example');
    await editor.click('text=Survei kepuasan');
    await editor.waitForURL(/\/opd\/disdukcapil\/survei$/);
    const main = (await editor.textContent('main')).replace(/\s+/g, ' ');
    // The demo's answers and the citizen's: an index and its grade for this year.
    expect(main).toMatch(/IKM \d{2},\d{2}, mutu [A-D] \(/);
    expect(main).toContain('Penerbitan Kartu Keluarga');
    expect(main).toContain(suggestion);
    expect(await editor.locator('#tren-ikm').count()).toBe(1);
    expect(await axeViolations(editor)).toEqual([]);
    await editor.screenshot({ path: path.join(SHOTS, 'survei-kepuasan-ponsel.png'), fullPage: true });
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const download = await editor.request.get(`${admin}/opd/disdukcapil/survei.xlsx?periode=${year}`);
    expect(download.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await download.body());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Nilai per unsur',
      'Per layanan',
      'Responden',
      'Tren',
      'Saran',
    ]);
    const index = book
      .getWorksheet('Nilai per unsur')
      .getSheetValues()
      .find((row) => row?.[1] === 'Indeks kepuasan masyarakat (IKM)');
    expect(index[2]).toBeGreaterThanOrEqual(25);
    expect(index[2]).toBeLessThanOrEqual(100);
    expect(JSON.stringify(book.getWorksheet('Saran').getSheetValues())).toContain(suggestion);
    await editor.close();

    // A contributor reads the results, not the citizens' suggestions.
    const contributor = await signIn('kontributor.disdukcapil@laman.example');
    await contributor.goto(`${admin}/opd/disdukcapil/survei`);
    expect(await contributor.textContent('main')).not.toContain(suggestion);
    const theirs = await contributor.request.get(`${admin}/opd/disdukcapil/survei.xlsx?periode=${year}`);
    const limited = new ExcelJS.Workbook();
    await limited.xlsx.load(await theirs.body());
    expect(limited.worksheets.map((sheet) => sheet.name)).not.toContain('Saran');
    await contributor.close();
  }, 180_000);

  it('speaks English as a second language, chosen once, for pages, forms and messages', async () => {
    const page = await signIn('editor.disdukcapil@laman.example');
    await page.click('a[hreflang=en]');
    await page.waitForURL(/\/opd\/disdukcapil\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#situs')).toBe('Public site');
    await page.click('text=Write news');
    expect(await page.textContent('h1')).toBe('Write news');
    expect(await page.textContent('label[for=title]')).toBe('Title (max. 200 characters)');
    await page.click('button[value=terbitkan]');
    expect(await page.textContent('#title-galat')).toBe('Title is required');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'english-ponsel.png'), fullPage: true });
    // The choice is remembered; switching back restores Bahasa Indonesia.
    await page.goto(`${admin}/opd/disdukcapil/konten/daftar`);
    expect(await page.textContent('h1')).toBe('All content');
    await page.click('a[hreflang=id]');
    expect(await page.textContent('h1')).toBe('Semua konten');
    await page.close();

    // Rules only the API knows come back in English too, on the right field.
    const tenantAdmin = await signIn('admin.disdukcapil@laman.example');
    await tenantAdmin.context().addCookies([{ name: 'laman_bahasa', value: 'en', url: admin }]);
    await tenantAdmin.goto(`${admin}/opd/disdukcapil/pengaturan`);
    await tenantAdmin.fill('#contact-phone', '(0000)000000');
    await tenantAdmin.click('button[value=simpan]');
    expect(await tenantAdmin.textContent('#contact-phone-galat')).toMatch(
      /^Must be a real Indonesian phone number/,
    );
    await tenantAdmin.close();
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
  describe("the admin's edge, attacked", () => {
    const origin = () => new URL(admin).origin;
    const get = (pathname, headers = {}) => fetch(`${admin}${pathname}`, { redirect: 'manual', headers });
    const postForm = (pathname, body, headers = {}) =>
      fetch(`${admin}${pathname}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(), ...headers },
        body: new URLSearchParams(body).toString(),
      });

    it('attack: an open redirect through "kembali" — every form of another site lands on a path of this one', async () => {
      for (const evil of [
        '/%5Cevil.example',
        '/\\evil.example',
        '//evil.example',
        '///evil.example',
        'https://evil.example/',
        'https:evil.example',
        '/%09/evil.example',
        'javascript:alert(1)',
      ]) {
        const response = await get(`/bahasa?ke=id&kembali=${encodeURIComponent(evil)}`);
        expect(response.status).toBe(302);
        const location = response.headers.get('location');
        expect({ evil, origin: new URL(location, admin).origin }).toEqual({ evil, origin: origin() });
        expect({ evil, location }).toEqual({ evil, location: expect.stringMatching(/^\/(?![/\\])/) });
      }
      const kept = await get(`/bahasa?ke=id&kembali=${encodeURIComponent('/opd/disdukcapil/?q=a')}`);
      expect(kept.headers.get('location')).toBe('/opd/disdukcapil/?q=a');
    });

    it('attack: words of the attacker’s choosing in the official alert box through the address — no page shows them', async () => {
      const page = await signIn('platform@laman.example', /\/platform\/$/);
      const injected = 'Akun Anda diblokir, hubungi 0812-0000-0000';
      const query = ['pesan', 'message', 'notice', 'kembali', 'galat']
        .map((name) => `${name}=${encodeURIComponent(injected)}`)
        .join('&');
      const firstLink = async (listing, pattern) =>
        (await (await page.request.get(`${admin}${listing}`)).text()).match(pattern)?.[1];
      // Every page of the app, from its page tree, with real values for its parameters.
      const values = {
        tenant: 'disdukcapil',
        jenis: 'berita',
        konten: await firstLink(
          '/opd/disdukcapil/konten/daftar',
          /href="\/opd\/disdukcapil\/konten\/([0-9a-f-]{36})"/,
        ),
        media: await firstLink('/opd/disdukcapil/media', /href="\/opd\/disdukcapil\/media\/([0-9a-f-]{36})"/),
        opd: await firstLink('/platform/', /href="\/platform\/opd\/([0-9a-f-]{36})"/),
      };
      const pagesDir = path.resolve(here, '../src/pages');
      const routes = readdirSync(pagesDir, { recursive: true })
        .filter((file) => file.endsWith('.astro'))
        .map((file) => `/${file.replace(/\.astro$/, '').replace(/(^|\/)index$/, '$1')}`)
        .map((route) =>
          route
            .replace('[tenant]', values.tenant)
            .replace('[jenis]', values.jenis)
            .replace(/konten\/\[id\]/, `konten/${values.konten}`)
            .replace(/media\/\[id\]/, `media/${values.media}`)
            .replace(/opd\/\[id\]/, `opd/${values.opd}`),
        );
      expect(Object.values(values).every(Boolean)).toBe(true);
      expect(routes.length).toBeGreaterThanOrEqual(20);
      for (const route of routes) {
        const response = await page.request.get(`${admin}${route}?${query}`, { maxRedirects: 0 });
        expect({ route, status: response.status() }).toEqual({ route, status: expect.any(Number) });
        expect(response.status()).toBeLessThan(500);
        expect({ route, shows: (await response.text()).includes(injected) }).toEqual({ route, shows: false });
      }
      await page.close();
    }, 90_000);

    it('sends its security headers on pages and files: no inline script, no framing, no referrer to other sites', async () => {
      const page = await (await fetch(`${admin}/masuk`)).text();
      const asset = page.match(/(\/_astro\/[^"']+\.(?:css|js))/)?.[1] ?? '/favicon.svg';
      for (const pathname of ['/masuk', '/terima-undangan', '/atur-ulang-sandi', asset]) {
        const response = await get(pathname);
        const policy = response.headers.get('content-security-policy') ?? '';
        expect({ pathname, policy }).toEqual({
          pathname,
          policy: expect.stringContaining("script-src 'self';"),
        });
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('same-origin');
        expect(response.headers.get('strict-transport-security')).toBeNull();
      }
      // A page carries no inline script for the policy to refuse.
      expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });

    it("attack: read a one-time link's token from the page's address or Referer — the token leaves the address at once, with no referrer", async () => {
      for (const pathname of ['/terima-undangan', '/atur-ulang-sandi']) {
        const opened = await get(`${pathname}?token=rahasia-sekali-pakai`);
        expect(opened.status).toBe(303);
        expect(opened.headers.get('location')).toBe(pathname);
        expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
        const cookie = opened.headers.getSetCookie().find((value) => value.startsWith('laman_tautan='));
        expect(cookie).toMatch(/HttpOnly/i);
        expect(cookie).toContain(`Path=${pathname}`);
      }
    });

    it('compresses pages (br or gzip, as the browser asks)', async () => {
      for (const encoding of ['br', 'gzip']) {
        const response = await get('/masuk', { 'accept-encoding': encoding });
        expect(response.headers.get('content-encoding')).toBe(encoding);
      }
    });

    it('behind a TLS proxy it trusts: Secure cookies, HSTS, and https form posts accepted; a cross-site post refused', async () => {
      const https = { 'x-forwarded-proto': 'https', origin: origin().replace('http:', 'https:') };
      const signedIn = await postForm(
        '/masuk',
        { email: 'editor.dpmptsp@laman.example', password: PASSWORD },
        https,
      );
      expect(signedIn.status).toBe(302);
      const cookies = signedIn.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThanOrEqual(2);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
      expect(
        (await get('/masuk', { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security'),
      ).toMatch(/max-age=\d+/);
      const crossSite = await postForm(
        '/masuk',
        { email: 'editor.dpmptsp@laman.example', password: PASSWORD },
        { origin: 'https://evil.example' },
      );
      expect(crossSite.status).toBe(403);
    });

    it('attack: anonymous failed sign-ins to lock every editor out through the admin — only that client waits; the API sees each person’s address', async () => {
      const attacker = { 'x-forwarded-for': '203.0.113.45' };
      let last = '';
      for (let attempt = 0; attempt < 35; attempt++) {
        last = await (
          await postForm(
            '/masuk',
            { email: 'editor.diskominfo@laman.example', password: 'tebakan-salah' },
            attacker,
          )
        ).text();
      }
      expect(last).toMatch(/Terlalu banyak (percobaan masuk yang gagal|permintaan)/);
      // The editor, from their own phone, is not affected.
      const editor = await signIn('editor.diskominfo@laman.example', /\/opd\/diskominfo\/$/);
      await editor.close();
      // The session a sign-in through the admin starts records the person's own address, not the admin's.
      const fromPhone = await postForm(
        '/masuk',
        { email: 'editor.bapperida@laman.example', password: PASSWORD },
        { 'x-forwarded-for': '198.51.100.23', 'user-agent': 'Ponsel Uji Laman/1.0' },
      );
      const access = fromPhone.headers
        .getSetCookie()
        .find((cookie) => cookie.startsWith('laman_akses='))
        ?.split(';')[0]
        .split('=')[1];
      const api = demo.output().match(/API\s*\S*\s*(http:\/\/localhost:\d+)\/api\/v1/)?.[1];
      expect(api).toBeTruthy();
      const sessions = await (
        await fetch(`${api}/api/v1/auth/sessions`, { headers: { authorization: `Bearer ${access}` } })
      ).json();
      expect(sessions.find((session) => session.current)).toMatchObject({
        ip: '198.51.100.23',
        userAgent: 'Ponsel Uji Laman/1.0',
      });
      // …and the person sees it on Akun saya (no OPD's audit log holds sign-ins).
      const cookie = fromPhone.headers
        .getSetCookie()
        .map((value) => value.split(';')[0])
        .join('; ');
      const account = await get('/akun', { cookie, 'x-forwarded-for': '198.51.100.23' });
      expect(await account.text()).toContain('198.51.100.23');
    }, 60_000);

    it('attack: a JSON or broken multipart body to /masuk — a plain 4xx page, never a server error', async () => {
      const json = await fetch(`${admin}/masuk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: origin() },
        body: JSON.stringify({ email: 'a@b.c', password: 'x' }),
      });
      expect(json.status).toBe(415);
      const broken = await fetch(`${admin}/masuk`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=----x', origin: origin() },
        body: '------x\r\nContent-Disposition: form-data; name="email"\r\n\r\nsetengah',
      });
      expect(broken.status).toBe(400);
      expect(await broken.text()).toContain('Formulir tidak dapat dibaca');
    });
  });
});
