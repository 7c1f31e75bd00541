import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, pageText } from '../helpers/eventually';

/**
 * `pnpm start` as a person runs it: the built launcher with an embedded PostgreSQL of its own, demo data,
 * real HTTP, Ctrl-C, and a second start on the same data.
 */
const LAUNCHER = path.resolve(__dirname, '../../dist/bin/start-demo.js');
const REBUILD = path.resolve(__dirname, '../../dist/bin/rebuild-sites.js');

function runCommand(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  seconds: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];

/** Idle, a first start (initdb, migrations, demo seed) takes about 20 s; five times that while the cores are shared. */
const START_BUDGET_MS = 240_000;
/** Each test of a running product: several site builds, a few seconds each when idle. */
const STEP_BUDGET_MS = 240_000;

function start(env: Record<string, string>): Promise<Running> {
  const began = performance.now();
  const child = spawn(process.execPath, [LAUNCHER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`launcher did not start:\n${output}`)), START_BUDGET_MS);
    child.on('exit', (code) => reject(new Error(`launcher exited with ${code}:\n${output}`)));
    const poll = setInterval(() => {
      if (!output.includes('Press Ctrl-C to stop.')) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ child, output: () => output, seconds: (performance.now() - began) / 1000 });
    }, 50);
  });
}

function stop(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', (code) => resolve(code));
    running.child.kill('SIGINT');
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

describe('pnpm start (demo launcher)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let apiPort: number;
  let dbPort: number;
  let sitesPort: number;
  let docsPort: number;
  const api = (route: string) => `http://127.0.0.1:${apiPort}${route}`;
  const site = (route: string) => `http://127.0.0.1:${sitesPort}${route}`;

  beforeAll(async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'laman-start-'));
    chmodSync(parent, 0o755);
    dataDir = path.join(parent, 'data');
    apiPort = await freePort();
    dbPort = await freePort();
    sitesPort = await freePort();
    docsPort = await freePort();
    env = {
      LAMAN_DATA_DIR: dataDir,
      LAMAN_SITES_PORT: String(sitesPort),
      LAMAN_DOCS_PORT: String(docsPort),
      PORT: String(apiPort),
      LAMAN_DB_PORT: String(dbPort),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      NODE_ENV: 'development',
    };
  });
  afterAll(async () => {
    // A failed assertion must not leave a server (and its PostgreSQL) running behind the suite.
    await Promise.all(
      children
        .filter((child) => child.exitCode === null)
        .map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGINT')))),
    );
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  const login = (email: string) =>
    fetch(api('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Laman-Demo-2026' }),
    });

  describe('the first start, on an empty machine', () => {
    let first: Running;
    beforeAll(async () => {
      first = await start(env);
      console.log(`pnpm start, first run (initdb + migrations + seed): ${first.seconds.toFixed(1)} s`);
    }, START_BUDGET_MS + 10_000);
    afterAll(async () => {
      // When a test failed before "stops cleanly", the second start must not find this one running.
      if (first?.child.exitCode === null) await stop(first);
    });

    it('seeds the demo OPDs and their accounts, and prints how to log in', async () => {
      expect(first.output()).toContain('Demo data created');
      expect(first.output()).toContain(`http://localhost:${apiPort}/api/docs`);
      expect(first.output()).toContain('admin.diskominfo@laman.example');
      // The documentation, at the address printed: the editors' guide in Bahasa Indonesia.
      expect(first.output()).toContain(`http://localhost:${docsPort}/`);
      const guide = await fetch(`http://127.0.0.1:${docsPort}/editor/berita/`);
      expect(guide.status).toBe(200);
      expect(await guide.text()).toContain('Terbitkan');
      // A path climbing out of the build (sent raw: a URL parser would resolve the dots away) finds nothing.
      const climbed = await new Promise<number>((resolve, reject) =>
        httpGet({ host: '127.0.0.1', port: docsPort, path: '/%2e%2e/%2e%2e/package.json' }, (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        }).on('error', reject),
      );
      expect(climbed).toBe(404);

      const response = await login('admin.diskominfo@laman.example');
      expect(response.status).toBe(200);
      const session = (await response.json()) as {
        user: { memberships: Array<{ slug: string; role: string }> };
      };
      expect(session.user.memberships).toEqual([
        expect.objectContaining({ slug: 'diskominfo', role: 'tenant_admin' }),
      ]);
      const platform = (await (await login('platform@laman.example')).json()) as { accessToken: string };
      const tenants = (await (
        await fetch(api('/api/v1/admin/tenants'), {
          headers: { authorization: `Bearer ${platform.accessToken}` },
        })
      ).json()) as { items: Array<{ slug: string }> };
      expect(tenants.items.map((tenant) => tenant.slug).sort()).toEqual([
        'bapperida',
        'disdukcapil',
        'diskominfo',
        'dpmptsp',
        'kec-teluk-betung-utara',
      ]);
      expect((await fetch(api('/api/docs'))).status).toBe(200);
      const services = (await (
        await fetch(api('/api/v1/public/disdukcapil/content?type=layanan'))
      ).json()) as {
        items: Array<{ title: string }>;
      };
      expect(services.items.map((item) => item.title).sort()).toEqual([
        'Penerbitan Kartu Keluarga',
        'Perekaman KTP Elektronik',
      ]);
    });

    it(
      "builds every demo OPD's site, served by host name and by path, with content a citizen would not find odd",
      async () => {
        const home = await eventually(
          () => pageText(site('/disdukcapil/')),
          (text) => text.includes('Dinas Kependudukan'),
          { withinMs: STEP_BUDGET_MS - 20_000 },
        );
        expect(home).toContain('Dinas Kependudukan dan Pencatatan Sipil');
        const byHost = await new Promise<string>((resolve, reject) => {
          const request = httpGet(
            {
              host: '127.0.0.1',
              port: sitesPort,
              path: '/layanan/',
              headers: { Host: `disdukcapil.localhost:${sitesPort}` },
            },
            (response) => {
              let body = '';
              response.on('data', (chunk) => (body += chunk));
              response.on('end', () => resolve(body));
            },
          );
          request.on('error', reject);
        });
        expect(byHost).toContain('Penerbitan Kartu Keluarga');
        // The bare address lists the built sites; the headline is not repeated under "Berita terbaru".
        const index = await (await fetch(site('/'))).text();
        expect(index).toContain('<a href="/disdukcapil/">disdukcapil</a>');
        const headline = /id="utama"[\s\S]*?<a href="([^"]+)"/.exec(home)?.[1];
        expect(headline).toBeDefined();
        expect(home.split(`href="${headline}"`)).toHaveLength(2);
        expect(first.output()).toContain(`http://disdukcapil.localhost:${sitesPort}/`);
        // Demo content a citizen would not find odd: the OPD's own motto, contact and home page picture, a named
        // head with a photo, documents that are real files on the platform (no placeholder links).
        expect(home).toContain('Adminduk cepat, tepat, gratis');
        expect(home).toMatch(/class="hero"[\s\S]*?<img[^>]+alt="Ilustrasi Teluk Lampung/);
        const officials = await (await fetch(site('/disdukcapil/pejabat/'))).text();
        expect(officials).toMatch(/<img[^>]+alt="Foto [^"]+, Kepala /);
        const documents = await (await fetch(site('/disdukcapil/dokumen/'))).text();
        expect(documents).toMatch(/href="[^"]+\/media\/[^"]+\.pdf"/);
        expect(documents).not.toContain('/contoh/');
        const contact = await (await fetch(site('/disdukcapil/kontak/'))).text();
        expect(contact).toContain('disdukcapil@bandarlampungkota.go.id');
        expect(contact).toMatch(/tel:0721\d{6}/);
        // A missing page gets the site's own 404 page, in Bahasa Indonesia (the data lives under the dot-folder .data).
        const missing = await fetch(site('/disdukcapil/tidak-ada/'));
        expect(missing.status).toBe(404);
        const missingPage = await missing.text();
        expect(missingPage).toContain('<h1>Halaman tidak ditemukan</h1>');
        expect(missingPage).toContain('Dinas Kependudukan dan Pencatatan Sipil');
      },
      STEP_BUDGET_MS,
    );

    it(
      "builds the city portal: the demo's services in one catalogue, linking each OPD's site",
      async () => {
        const catalogue = await eventually(
          () => pageText(site('/portal/layanan/')),
          (text) => text.includes('Penerbitan Kartu Keluarga'),
          { withinMs: STEP_BUDGET_MS - 20_000 },
        );
        expect(catalogue).toContain('Penerbitan Kartu Keluarga');
        expect(catalogue).toContain(`href="http://disdukcapil.localhost:${sitesPort}/layanan/`);
        expect(first.output()).toContain(`http://portal.localhost:${sitesPort}/`);
      },
      STEP_BUDGET_MS,
    );

    it('stops cleanly on Ctrl-C, PostgreSQL included', async () => {
      expect(await stop(first)).toBe(0);
      expect(await portOpen(dbPort)).toBe(false);
      expect(await portOpen(apiPort)).toBe(false);
    });
  });

  describe('a second start, on the same data', () => {
    let second: Running;
    let editorToken: string;
    beforeAll(async () => {
      second = await start(env);
      console.log(`pnpm start, second run (existing data): ${second.seconds.toFixed(1)} s`);
    }, START_BUDGET_MS + 10_000);
    afterAll(async () => {
      if (second?.child.exitCode === null) expect(await stop(second)).toBe(0);
    });

    it('keeps the data and seeds nothing', async () => {
      expect(second.output()).toContain('Existing data kept');
      expect(second.output()).not.toContain('Demo data created');
      const editor = await login('editor.disdukcapil@laman.example');
      expect(editor.status).toBe(200);
      editorToken = ((await editor.json()) as { accessToken: string }).accessToken;
    });

    it(
      'rebuilds a site with `pnpm rebuild-sites` while the product runs, on its embedded PostgreSQL',
      async () => {
        const rebuild = await runCommand(REBUILD, ['--tenant', 'disdukcapil'], env);
        expect(rebuild).toMatchObject({
          code: 0,
          output: expect.stringContaining('Queued a rebuild of 1 site(s): disdukcapil'),
        });
        type Build = { status: string; trigger: string };
        const rebuilt = (builds: Build[]) =>
          builds.some((build) => build.trigger === 'rebuild.requested' && build.status === 'live');
        const builds = await eventually(
          async () =>
            (await (
              await fetch(api('/api/v1/tenants/disdukcapil/builds'), {
                headers: { authorization: `Bearer ${editorToken}` },
              })
            ).json()) as Build[],
          rebuilt,
          { withinMs: STEP_BUDGET_MS - 20_000 },
        );
        expect(builds).toEqual(
          expect.arrayContaining([expect.objectContaining({ trigger: 'rebuild.requested', status: 'live' })]),
        );
      },
      STEP_BUDGET_MS,
    );

    it(
      'keeps the promise for every demo OPD: published through the API, on the site within seconds',
      async () => {
        for (const slug of ['bapperida', 'disdukcapil', 'diskominfo', 'dpmptsp', 'kec-teluk-betung-utara']) {
          const signedIn = (await (await login(`editor.${slug}@laman.example`)).json()) as {
            accessToken: string;
          };
          const post = (route: string, body: unknown) =>
            fetch(api(`/api/v1/tenants/${slug}/content${route}`), {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${signedIn.accessToken}`,
              },
              body: JSON.stringify(body),
            }).then((response) => response.json() as Promise<{ id: string; slug: string }>);
          const title = `Kabar terbaru ${slug} dari uji terbit`;
          const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'Isi.' }] };
          const draft = await post('/berita', {
            fields: { title, summary: 'Ringkasan.', body: { type: 'doc', content: [paragraph] } },
          });
          await post(`/items/${draft.id}/publish`, { version: 1 });
          const published = performance.now();
          const page = await eventually(
            () => pageText(site(`/${slug}/berita/${draft.slug}/`)),
            (text) => text.includes(title),
            { withinMs: 45_000, everyMs: 50 },
          );
          expect({ slug, live: page.includes(title) }).toEqual({ slug, live: true });
          console.log(
            `${slug}: published → live in ${((performance.now() - published) / 1000).toFixed(2)} s`,
          );
        }
      },
      STEP_BUDGET_MS,
    );
  });
});
