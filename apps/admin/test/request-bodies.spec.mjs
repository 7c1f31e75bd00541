import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { LINGER } from '../server/lingering-close.mjs';
import { axeViolations } from './helpers/axe.mjs';
import { startDemo } from './helpers/demo.mjs';
import { stubbornPost } from './helpers/stubborn-post.mjs';

/**
 * What a request body can cost the admin app: every route, with and without a session, against the limits
 * (server/body-limits.mjs) — a body too large, a body that never stops, a body that stalls — and the admin's
 * own memory while a large upload goes through it. Runs the real `pnpm start` with small limits.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const PAGES = path.resolve(here, '../src/pages');
const PUBLIC = new Set(['/masuk', '/terima-undangan', '/atur-ulang-sandi', '/bahasa']);
const PASSWORD = 'Laman-Demo-2026';
const MB = 1024 * 1024;
const SHOTS = path.resolve(here, '../../../reports/screenshots/admin');
const LIMITS = { ADMIN_UPLOAD_MAX_MB: '8', ADMIN_IMPORT_MAX_MB: '400', ADMIN_BODY_IDLE_SECONDS: '2' };

/** Every page and endpoint of the admin, from its pages folder, with sample values for its parameters. */
function adminRoutes(folder = PAGES, prefix = '') {
  const sample = { '[tenant]': 'disdukcapil', '[jenis]': 'berita', '[slug]': 'disdukcapil' };
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    const segment = sample[name] ?? (name === '[id]' ? '00000000-0000-4000-8000-000000000000' : name);
    if (statSync(full).isDirectory()) return adminRoutes(full, `${prefix}/${segment}`);
    const page = name.replace(/\.(astro|ts)$/, '');
    const last = sample[page] ?? (page === '[id]' ? '00000000-0000-4000-8000-000000000000' : page);
    return [last === 'index' ? prefix || '/' : `${prefix}/${last}`];
  });
}

/** The admin process under the launcher, by its entry file (for its memory). */
function adminPid(launcherPid) {
  const children = (pid) =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          return readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid);
        } catch {
          return false;
        }
      })
      .map(Number);
  const queue = [launcherPid];
  while (queue.length) {
    const pid = queue.shift();
    for (const child of children(pid)) {
      if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('admin/server/edge.mjs')) return child;
      queue.push(child);
    }
  }
  throw new Error('the admin process was not found');
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/**
 * A post that sends its headers and then `bodyBytes` in 64 KB chunks (none: only what `first` holds), as a
 * client on the network does; resolves with the answer and how much had been sent when it came.
 */
function rawPost(url, { headers, first = '', bodyBytes = 0, end = true }) {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method: 'POST', headers });
    request.on('response', (response) => {
      answered = true;
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode, location: response.headers.location, text, sentBytes: sent });
      });
    });
    // A reset before the answer is what this guards against: the person would see no page at all.
    request.on('error', (error) =>
      answered ? null : reject(new Error(`${url}: ${error.code} before any answer came`)),
    );
    request.write(first);
    sent += first.length;
    const chunk = Buffer.alloc(64 * 1024, 120);
    // One chunk per turn of the event loop, as a network stack does: the answer is read between writes.
    const pump = () => {
      if (request.destroyed) return;
      if (sent >= bodyBytes) return end && request.end();
      sent += chunk.length;
      if (request.write(chunk)) setImmediate(pump);
      else request.once('drain', () => setImmediate(pump));
    };
    pump();
  });
}

const spooled = (folder) => readdirSync(folder).filter((name) => name.startsWith('laman-admin-form-'));

describe('request bodies: what one post can cost the admin', () => {
  let demo;
  let spool;
  let editorCookie;
  let platformCookie;
  const routes = adminRoutes();

  async function signIn(email) {
    const response = await fetch(`${demo.admin}/masuk`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: demo.admin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(302);
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
  }

  beforeAll(async () => {
    // The admin's spool, on its own: TMPDIR is where os.tmpdir() points every process the demo starts.
    spool = mkdtempSync(path.join(tmpdir(), 'laman-admin-spool-'));
    // The embedded PostgreSQL (run as its own user) keeps a file here too.
    chmodSync(spool, 0o755);
    demo = await startDemo({ ...LIMITS, TMPDIR: spool });
    editorCookie = await signIn('editor.disdukcapil@laman.example');
    platformCookie = await signIn('platform@laman.example');
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
    rmSync(spool, { recursive: true, force: true });
  });

  it('finds the routes to attack in the pages folder', () => {
    expect(routes).toEqual(
      expect.arrayContaining(['/masuk', '/platform/opd/00000000-0000-4000-8000-000000000000/impor']),
    );
    expect(routes.length).toBeGreaterThan(40);
  });

  it('without a session: every route answers a 3 GB post before reading it — 413 on the public forms, the sign-in page elsewhere', async () => {
    const answers = {};
    for (const route of routes) {
      const answer = await rawPost(`${demo.admin}${route}`, {
        headers: {
          origin: demo.admin,
          'content-type': 'multipart/form-data; boundary=----x',
          'content-length': String(3 * 1024 * MB),
        },
        bodyBytes: 64 * 1024,
        end: false,
      });
      answers[route] = [
        answer.status,
        answer.location ? new URL(answer.location, demo.admin).pathname : null,
      ];
    }
    for (const route of routes)
      expect([route, ...answers[route]]).toEqual(
        PUBLIC.has(route) ? [route, 413, null] : [route, 302, '/masuk'],
      );
  }, 120_000);

  it('without a session: a public form sent without a length is cut off past 64 KB, not read to its end', async () => {
    for (const route of PUBLIC) {
      const answer = await rawPost(`${demo.admin}${route}`, {
        headers: {
          origin: demo.admin,
          'content-type': 'application/x-www-form-urlencoded',
          'transfer-encoding': 'chunked',
        },
        bodyBytes: 64 * MB,
      });
      expect([route, answer.status]).toEqual([route, 413]);
      expect(answer.text).toContain('Kiriman terlalu besar');
      expect(answer.sentBytes).toBeLessThan(64 * MB);
    }
  }, 120_000);

  it('without a session: a post that never ends is answered, then cut off within seconds, on every route', async () => {
    const kept = [];
    for (const route of routes) {
      const post = await stubbornPost(`${demo.admin}${route}`, {
        headers: { origin: demo.admin, 'content-type': 'application/x-www-form-urlencoded' },
        endless: true,
      });
      expect([route, post.status]).toEqual([route, PUBLIC.has(route) ? 413 : 302]);
      // What the admin read and dropped after its answer (server/lingering-close.mjs), plus the kernels' buffers.
      const after = { mb: (post.sent - post.sentAtAnswer) / MB, ms: post.closedMs - post.answeredMs };
      if (after.mb > LINGER.bytes / MB + 16 || after.ms > 3 * LINGER.ms) kept.push([route, after]);
    }
    expect(kept).toEqual([]);
  }, 300_000);

  it('signed in: every route refuses a post over its limit (413, in Bahasa Indonesia), declared or streamed', async () => {
    for (const route of routes.filter((candidate) => !PUBLIC.has(candidate))) {
      const declared = await rawPost(`${demo.admin}${route}`, {
        headers: {
          origin: demo.admin,
          cookie: route.startsWith('/platform') ? platformCookie : editorCookie,
          'content-type': 'multipart/form-data; boundary=----x',
          'content-length': String(3 * 1024 * MB),
        },
        bodyBytes: 64 * 1024,
        end: false,
      });
      expect([route, declared.status]).toEqual([route, 413]);
      expect(declared.text).toMatch(/paling besar (8|400) MB/);
      expect([route, /href="([^"]*)"/.exec(declared.text)?.[1]]).toEqual([route, route]);
    }
    // The way back never leads off the admin, whatever path the post named (the URL the page sees is normalized).
    for (const path of ['//evil.example/opd', '/\\evil.example/opd', '/%5Cevil.example']) {
      const refused = await rawPost(`${demo.admin}${path}`, {
        headers: {
          origin: demo.admin,
          cookie: editorCookie,
          'content-type': 'multipart/form-data; boundary=----x',
          'content-length': String(3 * 1024 * MB),
        },
        end: false,
      });
      expect([path, refused.status]).toEqual([path, 413]);
      expect([path, /href="([^"]*)"/.exec(refused.text)?.[1]]).toEqual([
        path,
        expect.stringMatching(/^\/(?![/\\])/),
      ]);
    }
    // Streamed without a length past the OPD pages' 8 MB: cut off while it is still coming, nothing left on disk.
    const head = '------x\r\nContent-Disposition: form-data; name="berkas"; filename="besar.pdf"\r\n\r\n';
    const streamed = await rawPost(
      `${demo.admin}/opd/disdukcapil/media/00000000-0000-4000-8000-000000000000`,
      {
        headers: {
          origin: demo.admin,
          cookie: editorCookie,
          'content-type': 'multipart/form-data; boundary=----x',
          'transfer-encoding': 'chunked',
        },
        first: head,
        bodyBytes: 64 * MB,
      },
    );
    expect(streamed.status).toBe(413);
    expect(streamed.text).toContain('paling besar 8 MB');
    expect(streamed.sentBytes).toBeLessThan(64 * MB);
    expect(spooled(spool)).toEqual([]);
  }, 180_000);

  it('signed in: a body that stalls is given up on (408) and its spooled part removed', async () => {
    const head = '------x\r\nContent-Disposition: form-data; name="berkas"; filename="a.pdf"\r\n\r\n%PDF-1.4';
    const started = Date.now();
    const answer = await rawPost(`${demo.admin}/opd/disdukcapil/media/00000000-0000-4000-8000-000000000000`, {
      headers: {
        origin: demo.admin,
        cookie: editorCookie,
        'content-type': 'multipart/form-data; boundary=----x',
        'content-length': String(MB),
      },
      first: head,
      end: false,
    });
    expect(answer.status).toBe(408);
    expect(answer.text).toContain('Kiriman terhenti');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(spooled(spool)).toEqual([]);
  }, 60_000);

  it('a 300 MB archive goes through the import page on disk: the admin’s memory stays where it was, the API answers', async () => {
    const pid = adminPid(demo.launcher.pid);
    const page = await fetch(`${demo.admin}/platform`, { headers: { cookie: platformCookie } });
    const opd = /href="\/platform\/opd\/([0-9a-f-]{36})"/.exec(await page.text())[1];
    const folder = mkdtempSync(path.join(tmpdir(), 'laman-arsip-'));
    const archive = path.join(folder, 'uploads.zip');
    writeFileSync(archive, randomBytes(1024));
    for (let written = 1024; written < 300 * MB; written += 4 * MB)
      writeFileSync(archive, randomBytes(4 * MB), { flag: 'a' });
    // Warm: the first post loads the page's code.
    await fetch(`${demo.admin}/platform/opd/${opd}/impor`, { headers: { cookie: platformCookie } });
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    try {
      const form = new FormData();
      form.set('aksi', 'impor');
      form.set(
        'berkas',
        new Blob([readFileSync(path.resolve(here, 'fixtures/wordpress-ekspor.xml'))], { type: 'text/xml' }),
        'ekspor.xml',
      );
      form.set(
        'arsip',
        await (await import('node:fs')).openAsBlob(archive, { type: 'application/zip' }),
        'uploads.zip',
      );
      const response = await fetch(`${demo.admin}/platform/opd/${opd}/impor`, {
        method: 'POST',
        headers: { origin: demo.admin, cookie: platformCookie },
        body: form,
      });
      // The API read the whole archive and refused it by what it is (random bytes), beside its field.
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/id="arsip-galat">[^<]*zip/);
    } finally {
      clearInterval(sampler);
      rmSync(folder, { recursive: true, force: true });
    }
    // Held in memory, 300 MB would have shown; spooled, the admin grows by a few buffers.
    expect(peak - before).toBeLessThan(100);
    expect(spooled(spool)).toEqual([]);
  }, 240_000);

  it('in the browser: a refused post shows why, in the admin’s look and the person’s language, with the way back', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const seen = {};
      for (const locale of ['id', 'en']) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        await context.addCookies([{ name: 'laman_bahasa', value: locale, url: demo.admin }]);
        const page = await context.newPage();
        await page.goto(`${demo.admin}/masuk`);
        // A sign-in far past what the form holds, sent by the browser itself (the field's own bound removed).
        await page.fill('input[name=email]', 'editor.disdukcapil@laman.example');
        await page.evaluate(() => {
          const password = document.querySelector('input[name=password]');
          password.removeAttribute('maxlength');
          password.value = 'x'.repeat(200_000);
        });
        const answer = page.waitForResponse((response) => response.request().method() === 'POST');
        await page.click('button[type=submit]');
        expect((await answer).status()).toBe(413);
        await page.waitForLoadState('load');
        seen[locale] = {
          lang: await page.getAttribute('html', 'lang'),
          title: await page.textContent('h1'),
          reason: await page.textContent('[role=alert]'),
          back: await page.getAttribute('main a', 'href'),
        };
        expect(await axeViolations(page)).toEqual([]);
        // Not sideways-scrolling on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
        mkdirSync(SHOTS, { recursive: true });
        if (locale === 'id') await page.screenshot({ path: path.join(SHOTS, 'kiriman-terlalu-besar.png') });
        await page.click('main a');
        await page.waitForURL(`${demo.admin}/masuk`);
        await context.close();
      }
      expect(seen).toEqual({
        id: {
          lang: 'id',
          title: 'Kiriman terlalu besar',
          reason: 'Isian formulir ini paling panjang 64 KB. Persingkat isiannya, lalu kirim lagi.',
          back: '/masuk',
        },
        en: {
          lang: 'en',
          title: 'The post is too large',
          reason: "This form's fields hold at most 64 KB. Shorten what you wrote, then send it again.",
          back: '/masuk',
        },
      });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('in the browser: files over the limit are caught before sending, with the reason in Bahasa Indonesia', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    const folder = mkdtempSync(path.join(tmpdir(), 'laman-besar-'));
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.addCookies(
        editorCookie.split('; ').map((pair) => {
          const [name, value] = pair.split('=');
          return { name, value, url: demo.admin };
        }),
      );
      const page = await context.newPage();
      const posts = [];
      page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
      await page.goto(`${demo.admin}/opd/disdukcapil/dokumen/baru`);
      const big = path.join(folder, 'Renja 2026.pdf');
      mkdirSync(folder, { recursive: true });
      writeFileSync(big, Buffer.alloc(9 * MB, 37));
      await page.fill('#title', 'Rencana Kerja 2026');
      await page.setInputFiles('input[type=file][name="files.new"]', big);
      await page.locator('form[data-unggah] button[type=submit]:visible').first().click();
      await page.waitForFunction(() =>
        /terlalu besar/.test(document.getElementById('kemajuan-teks')?.textContent ?? ''),
      );
      expect(await page.textContent('#kemajuan-teks')).toContain('paling besar 8 MB');
      expect(posts).toEqual([]);
    } finally {
      await browser.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
