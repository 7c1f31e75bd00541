import { execFile } from 'node:child_process';
import { DETAIL_ROUTES } from '@laman/shared';
import { mkdir, readdir, readFile, readlink, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  filesUnder,
  htmlErrors,
  searchFragments,
  searchIndexText,
  serveTestApp,
  stopServedApp,
} from '../helpers/built-site';
import { doc, sampleFields } from '../helpers/content-samples';
import { publishItem, publishSampleSite, SAMPLE_TITLES } from '../helpers/sample-site';
import { type TestApp } from '../helpers/test-app';
import { WarmBuilder } from '../../src/modules/builds/builder-process';

/** Real Astro builds of a small OPD from the real public API: published content in, drafts never. */
const run = promisify(execFile);
const BUILDER = path.resolve(__dirname, '../../../site/scripts/build-site.mjs');

describe('building an OPD site', () => {
  let t: TestApp;
  let apiUrl: string;
  let out: string;

  beforeAll(async () => ({ t, apiUrl, out } = await serveTestApp('laman-sites-')));
  afterAll(() => stopServedApp(t, out));

  const buildSite = (slug: string, api = apiUrl) =>
    run(process.execPath, [BUILDER, '--api', api, '--tenant', slug, '--out', out]);

  it('renders published content, never drafts, and swaps the live site atomically', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const content = `/api/v1/tenants/${tenant.slug}/content`;
    const { news, service, items } = await publishSampleSite(t, tenant, editor);
    const listed = SAMPLE_TITLES;
    await t
      .http()
      .post(`${content}/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'RAHASIA-DRAF-XYZ belum terbit') });

    const first = await buildSite(tenant.slug);
    expect(JSON.parse(first.stdout)).toMatchObject({ tenant: tenant.slug });
    const live = path.join(out, tenant.slug, 'live');
    const home = await readFile(path.join(live, 'index.html'), 'utf8');
    expect(home).toContain(tenant.name);
    expect(home).toContain('Pelayanan KTP keliling hari Sabtu');
    expect(await readFile(path.join(live, 'berita', news.slug, 'index.html'), 'utf8')).toContain(
      '<p>Isi berita pertama.</p>',
    );
    expect(await readFile(path.join(live, 'layanan', service.slug, 'index.html'), 'utf8')).toContain(
      'KTP asli',
    );
    const pageOf = (route: string) => readFile(path.join(live, route, 'index.html'), 'utf8');
    expect(await pageOf('pengumuman')).toContain(listed['pengumuman']);
    expect(await pageOf('agenda')).toContain(listed['agenda']);
    expect(await pageOf(`profil/${items['halaman']!.slug}`)).toContain(listed['halaman']);
    expect(await pageOf('profil')).toContain(`/profil/${items['halaman']!.slug}/`);
    expect(await pageOf('pejabat')).toContain(listed['pejabat']);
    expect(await pageOf('dokumen')).toContain(listed['dokumen']);
    expect(await pageOf('kinerja')).toContain(listed['dokumen']);
    expect(await pageOf('kinerja')).toMatch(
      /<svg role="img"[^>]*>[\s\S]*Persentase penduduk ber-KTP-el[\s\S]*<\/figure>\s*<table class="indicator-data/,
    );
    expect(await pageOf('galeri')).toContain('alt="Foto kegiatan"');
    expect(await pageOf('cari')).toContain('<form role="search"');

    const summary = JSON.parse(first.stdout) as { checks: { counts: Record<string, number> } };
    expect(summary.checks.counts).toEqual({
      brokenLinks: 0,
      untitled: 0,
      missingAlt: 0,
      spam: 0,
      gamblingMentions: 0,
    });
    expect(await searchIndexText(live)).toContain('Pelayanan KTP keliling hari Sabtu');
    // Results are the pages people want (an article, a service), not lists of them; excerpts keep words apart.
    const fragments = await searchFragments(live);
    expect(fragments.map((fragment) => fragment.url)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/(berita\/|layanan\/|profil\/)?$/)]),
    );
    const serviceFragment = fragments.find((fragment) => fragment.url === `/layanan/${service.slug}/`);
    expect(serviceFragment?.content).toMatch(/Waktu penyelesaian \S/);

    const pages = (await filesUnder(live)).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const file of pages) {
      const html = await readFile(file, 'utf8');
      expect({ file, errors: htmlErrors(html) }).toEqual({ file, errors: [] });
      expect(html).toMatch(/^<!DOCTYPE html><html lang="id"[ >]/i);
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      expect(html).not.toContain('style="');
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(html).not.toContain('RAHASIA-DRAF-XYZ');
    }

    expect(await readFile(path.join(live, 'favicon.svg'), 'utf8')).toMatch(/^<svg /);
    const sitemap = await readFile(path.join(live, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(
      `<loc>https://${tenant.slug}.bandarlampungkota.go.id/berita/${news.slug}/</loc>`,
    );
    expect(await readFile(path.join(live, 'rss.xml'), 'utf8')).toContain('Pelayanan KTP keliling hari Sabtu');
    expect(await readFile(path.join(live, 'robots.txt'), 'utf8')).toContain('/sitemap.xml');
    expect(home).toContain(`<link rel="canonical" href="https://${tenant.slug}.bandarlampungkota.go.id/">`);
    for (const file of await filesUnder(live))
      expect(await readFile(file, 'utf8')).not.toContain('RAHASIA-DRAF-XYZ');

    // An edited article: the build reads the snapshot without bodies and fetches that one item's body.
    const edited = await t
      .http()
      .put(`${content}/berita/${news.id}`)
      .set(editor.auth)
      .send({
        version: news.version,
        fields: {
          ...sampleFields('berita', 'Pelayanan KTP keliling hari Sabtu'),
          body: doc('Isi diperbaiki.'),
        },
      });
    expect(edited.status).toBe(200);
    const republished = await t
      .http()
      .post(`${content}/items/${news.id}/publish`)
      .set(editor.auth)
      .send({ version: edited.body.version });
    expect(republished.status).toBe(200);
    const afterEdit = JSON.parse((await buildSite(tenant.slug)).stdout) as { snapshotRead: string };
    expect(afterEdit.snapshotRead).toBe('outline and 1 items');
    expect(await readFile(path.join(live, 'berita', news.slug, 'index.html'), 'utf8')).toContain(
      '<p>Isi diperbaiki.</p>',
    );
    Object.assign(news, republished.body);

    const firstTarget = await readlink(live);
    const servicePage = (site: string) =>
      path.join(out, tenant.slug, site, 'layanan', service.slug, 'index.html');
    await t
      .http()
      .post(`${content}/items/${news.id}/unpublish`)
      .set(editor.auth)
      .send({ version: news.version });
    const second = JSON.parse((await buildSite(tenant.slug)).stdout) as { rendered: number; reused: number };
    expect(await readlink(live)).not.toBe(firstTarget);
    // Only what changed is rendered: every other item's own page (the service, the profile page, the
    // announcement, the document…) is the live build's file, hard-linked.
    const ownPages = Object.keys(items).filter((type) => type in DETAIL_ROUTES).length + 1;
    expect(second.reused).toBe(ownPages);
    expect((await stat(servicePage(firstTarget))).ino).toBe((await stat(servicePage('live'))).ino);
    await expect(readFile(path.join(live, 'berita', news.slug, 'index.html'), 'utf8')).rejects.toThrow(
      /ENOENT/,
    );
    expect(await readFile(path.join(live, 'index.html'), 'utf8')).not.toContain(
      'Pelayanan KTP keliling hari Sabtu',
    );
    expect(await readFile(path.join(live, 'sitemap.xml'), 'utf8')).not.toContain(`/berita/${news.slug}/`);
    expect(await readFile(path.join(live, 'rss.xml'), 'utf8')).not.toContain(
      'Pelayanan KTP keliling hari Sabtu',
    );
    expect(await searchIndexText(live)).not.toContain('Pelayanan KTP keliling hari Sabtu');
    expect(await searchIndexText(live)).toContain('Penerbitan Kartu Keluarga');

    // A settings change shows on every page, so everything is rendered again.
    const settings = await t.http().get(`/api/v1/tenants/${tenant.slug}/settings`).set(editor.auth);
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    await t
      .http()
      .put(`/api/v1/tenants/${tenant.slug}/settings`)
      .set(admin.auth)
      .send({
        version: settings.body.version,
        settings: { ...settings.body.settings, tagline: 'Melayani dengan hati' },
      });
    const third = JSON.parse((await buildSite(tenant.slug)).stdout) as { rendered: number; reused: number };
    expect(third.reused).toBe(0);
    expect(await readFile(servicePage('live'), 'utf8')).toContain('Melayani dengan hati');

    const beforeFailure = await readlink(live);
    await expect(buildSite(tenant.slug, 'http://127.0.0.1:9')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('the live site is unchanged'),
    });
    expect(await readlink(live)).toBe(beforeFailure);
    expect(await readFile(path.join(live, 'index.html'), 'utf8')).toContain(tenant.name);
    // Two builds and a page-by-page read: about 15 s idle, twice that while other suites share the cores.
  }, 180_000);

  it('shows a serta-merta announcement at the top of every page in the sitemap while it is in force', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const content = `/api/v1/tenants/${tenant.slug}/content`;
    await publishSampleSite(t, tenant, editor);
    await buildSite(tenant.slug);
    const title = 'Banjir di Teluk Betung: layanan dipindah sementara';
    const published = await publishItem(t, tenant, editor, 'pengumuman', {
      ...sampleFields('pengumuman', title),
      urgent: true,
      validFrom: '2026-01-01T08:00',
    });

    const live = path.join(out, tenant.slug, 'live');
    const sitePages = async () => {
      const sitemap = await readFile(path.join(live, 'sitemap.xml'), 'utf8');
      const paths = [...sitemap.matchAll(/<loc>https:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((match) => match[1]!);
      expect(paths.length).toBeGreaterThanOrEqual(10);
      return Promise.all(
        paths.map(async (page) => ({
          page,
          html: await readFile(path.join(live, page, 'index.html'), 'utf8'),
        })),
      );
    };
    const withNotice = JSON.parse((await buildSite(tenant.slug)).stdout) as { reused: number };
    expect(withNotice.reused).toBe(0);
    for (const { page, html } of await sitePages()) {
      const notices = html.slice(html.indexOf('</header>'), html.indexOf('<main'));
      expect({ page, shown: notices.includes('Penting:') && notices.includes(title) }).toEqual({
        page,
        shown: true,
      });
    }

    await t
      .http()
      .post(`${content}/items/${published.id}/unpublish`)
      .set(editor.auth)
      .send({ version: published.version });
    await buildSite(tenant.slug);
    for (const { page, html } of await sitePages())
      expect({ page, shown: html.includes(title) }).toEqual({ page, shown: false });
  }, 180_000);

  it('keeps each news archive page as it is when more news is published, and renders none of them again', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const publishNews = (number: number) =>
      publishItem(t, tenant, editor, 'berita', sampleFields('berita', `Kabar kelurahan nomor ${number}`));
    for (let number = 1; number <= 45; number++) await publishNews(number);
    const build = async () =>
      JSON.parse((await buildSite(tenant.slug)).stdout) as {
        rendered: number;
        checks: { counts: Record<string, number> };
      };
    const live = path.join(out, tenant.slug, 'live');
    const page = (route: string) => path.join(live, route, 'index.html');
    const titles = async (route: string) =>
      [...(await readFile(page(route), 'utf8')).matchAll(/Kabar kelurahan nomor (\d+)/g)].map((m) =>
        Number(m[1]),
      );
    const first = await build();
    expect(first.checks.counts.brokenLinks).toBe(0);
    // The first 20 ever published live on page 1 for good; the front page holds the newest 25.
    expect(await titles('berita/halaman/1')).toEqual(Array.from({ length: 20 }, (_, index) => 20 - index));
    expect(await titles('berita')).toEqual(Array.from({ length: 25 }, (_, index) => 45 - index));
    expect(await readFile(page('berita'), 'utf8')).toContain('href="/berita/halaman/1/" rel="next"');
    expect(await readFile(page('berita/halaman/1'), 'utf8')).toContain('href="/berita/" rel="prev"');
    expect(await readFile(path.join(live, 'sitemap.xml'), 'utf8')).toContain('/berita/halaman/1/</loc>');
    const archived = (await stat(page('berita/halaman/1'))).ino;

    await publishNews(46);
    await build();
    // The archive page is the live build's file (hard-linked), the front page shows the new item.
    expect((await stat(page('berita/halaman/1'))).ino).toBe(archived);
    expect((await titles('berita')).slice(0, 2)).toEqual([46, 45]);

    for (let number = 47; number <= 60; number++) await publishNews(number);
    const third = await build();
    expect(third.checks.counts.brokenLinks).toBe(0);
    expect(await titles('berita/halaman/2')).toEqual(Array.from({ length: 20 }, (_, index) => 40 - index));
    expect(await titles('berita')).toEqual(Array.from({ length: 20 }, (_, index) => 60 - index));
    expect(await readFile(page('berita/halaman/1'), 'utf8')).toContain(
      'href="/berita/halaman/2/" rel="prev"',
    );
    // About 10 s idle: three builds of a 60-item site.
  }, 180_000);

  it('renders every page in a full rebuild, but checks and indexes again only pages that changed or a new spam term concerns', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const { news } = await publishSampleSite(t, tenant, editor);
    type Summary = { rendered: number; reused: number; checkedPages: number; searchPages: number };
    const build = async (...extra: string[]) =>
      JSON.parse(
        (
          await run(process.execPath, [
            BUILDER,
            '--api',
            apiUrl,
            '--tenant',
            tenant.slug,
            '--out',
            out,
            ...extra,
          ])
        ).stdout,
      ) as Summary;
    const first = await build();
    expect(first.checkedPages).toBe(first.rendered);

    const same = await build('--full');
    expect(same).toMatchObject({ rendered: first.rendered, reused: 0, checkedPages: 0, searchPages: 0 });

    await t
      .http()
      .put(`/api/v1/tenants/${tenant.slug}/content/berita/${news.id}`)
      .set(editor.auth)
      .send({ version: news.version, fields: sampleFields('berita', 'Judul berita yang diperbaiki') });
    const edited = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${news.id}/publish`)
      .set(editor.auth)
      .send({ version: news.version + 1 });
    expect(edited.status).toBe(200);
    const changed = await build('--full');
    // The article, and the lists and feeds that show its title, are read again; nothing else.
    expect(changed.checkedPages).toBeGreaterThanOrEqual(2);
    expect(changed.checkedPages).toBeLessThan(first.rendered / 2);
    expect(changed.searchPages).toBeGreaterThanOrEqual(1);

    const lexicon = await build(
      '--full',
      '--spam-terms',
      JSON.stringify([{ kind: 'hold', term: 'istilahbaru' }]),
    );
    expect(lexicon.checkedPages).toBe(first.rendered);
  }, 180_000);

  /** A new OPD with the sample site published and built once. */
  async function builtSampleSite() {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    await publishSampleSite(t, tenant, editor);
    await buildSite(tenant.slug);
    return { tenant, editor };
  }

  it('makes nothing live for a worker that no longer holds the build job, and leaves no folder behind', async () => {
    const { tenant, editor } = await builtSampleSite();
    const live = path.join(out, tenant.slug, 'live');
    const before = await readlink(live);
    await publishItem(t, tenant, editor, 'berita', sampleFields('berita', 'Berita setelah sewa habis'));
    const request = { api: apiUrl, out, tenant: tenant.slug, spamTerms: [], trustedHosts: [] };
    const builder = new WarmBuilder();
    try {
      const refused = await builder.build(request, { mayGoLive: async () => false });
      expect(refused.outcome).toBe('failed');
      expect(refused.log).toContain('no longer holds its job');
      expect(await readlink(live)).toBe(before);
      expect(await readdir(path.join(out, tenant.slug, 'builds'))).toEqual([path.basename(before)]);

      const allowed = await builder.build(request, { mayGoLive: async () => true });
      expect(allowed.outcome).toBe('live');
      expect(await readFile(path.join(live, 'berita', 'index.html'), 'utf8')).toContain(
        'Berita setelah sewa habis',
      );
    } finally {
      builder.stop();
    }
  }, 120_000);

  it('keeps the newest three finished builds: a half-written folder never counts, and goes once it is stale', async () => {
    const { tenant, editor } = await builtSampleSite();
    const builds = path.join(out, tenant.slug, 'builds');
    // A builder killed mid-build 20 minutes ago left one; another worker may be writing one right now.
    const [stale, young] = [Date.now() - 20 * 60_000, Date.now() - 60_000].map(String);
    for (const halfWritten of [stale!, young!])
      await mkdir(path.join(builds, halfWritten), { recursive: true }).then(() =>
        writeFile(path.join(builds, halfWritten, 'index.html'), '<!DOCTYPE html><title>setengah</title>'),
      );
    const finished: string[] = [path.basename(await readlink(path.join(out, tenant.slug, 'live')))];
    for (let count = 2; count <= 4; count++) {
      await publishItem(t, tenant, editor, 'berita', sampleFields('berita', `Kabar ke-${count}`));
      await buildSite(tenant.slug);
      finished.push(path.basename(await readlink(path.join(out, tenant.slug, 'live'))));
    }
    expect((await readdir(builds)).sort()).toEqual([young!, ...finished.slice(-3)].sort());
  }, 180_000);
});
