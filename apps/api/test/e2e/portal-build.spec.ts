import { execFile } from 'node:child_process';
import { readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  filesUnder,
  htmlErrors,
  nuCheckerErrors,
  searchIndexText,
  serveTestApp,
  stopServedApp,
} from '../helpers/built-site';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { type TestApp } from '../helpers/test-app';

/** The city portal built by real Astro from the real city snapshot: published content of active OPDs only. */
const run = promisify(execFile);
const BUILDER = path.resolve(__dirname, '../../../site/scripts/build-portal.mjs');

describe('building the city portal', () => {
  let t: TestApp;
  let apiUrl: string;
  let out: string;

  beforeAll(async () => ({ t, apiUrl, out } = await serveTestApp('laman-portal-')));
  afterAll(() => stopServedApp(t, out));

  async function publish(slug: string, editor: SignedIn, type: string, fields: object): Promise<string> {
    const created = await t
      .http()
      .post(`/api/v1/tenants/${slug}/content/${type}`)
      .set(editor.auth)
      .send({ fields });
    expect(created.status).toBe(201);
    const published = await t
      .http()
      .post(`/api/v1/tenants/${slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: created.body.version });
    expect(published.status).toBe(200);
    return created.body.slug as string;
  }

  it('lists the directory, latest news, urgent announcements and the service catalogue; never drafts or suspended OPDs', async () => {
    const active = await t.given.tenant();
    const editor = await t.given.memberSignedIn(active, 'editor');
    const news = await publish(
      active.slug,
      editor,
      'berita',
      sampleFields('berita', 'Posyandu keliling se-kecamatan'),
    );
    await publish(active.slug, editor, 'pengumuman', {
      ...sampleFields('pengumuman', 'Pelayanan tutup saat cuti bersama'),
      urgent: true,
    });
    const rated = await publish(active.slug, editor, 'layanan', {
      ...sampleFields('layanan', 'Akta Kelahiran Portal'),
      sector: 'Kependudukan',
      lifeEvents: ['kelahiran'],
      deliveryChannels: [
        { kind: 'mall_pelayanan_publik', name: 'MPP Bandar Lampung' },
        { kind: 'online', name: 'Laman daring', url: 'https://contoh.go.id/daftar' },
      ],
    });
    await publish(active.slug, editor, 'layanan', {
      ...sampleFields('layanan', 'Surat Keterangan Usaha Portal'),
      sector: 'Perizinan',
      deliveryChannels: [{ kind: 'kantor_opd', name: 'Kantor' }],
    });
    await t
      .http()
      .post(`/api/v1/tenants/${active.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'DRAF-PORTAL-RAHASIA') });
    const suspended = await t.given.tenant();
    const other = await t.given.memberSignedIn(suspended, 'editor');
    await publish(suspended.slug, other, 'berita', sampleFields('berita', 'BERITA-OPD-NONAKTIF'));
    const platform = await t.given.platformSignedIn('platform_admin');
    expect(
      (
        await t
          .http()
          .post(`/api/v1/admin/tenants/${suspended.id}/suspend`)
          .set(platform.auth)
          .send({ reason: 'Reorganisasi' })
      ).status,
    ).toBe(200);

    // A citizen rated the birth certificate service: the catalogue shows this year's index beside it.
    const rating = await t
      .http()
      .post(`/api/v1/public/${active.slug}/surveys/responses`)
      .send({ service: rated, ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, 4])) });
    expect(rating.status).toBe(204);

    const built = await run(process.execPath, [BUILDER, '--api', apiUrl, '--out', out], {
      env: { ...process.env, LAMAN_SITES_DOMAIN: 'bandarlampungkota.go.id', LAMAN_SITES_URL: '' },
    });
    expect(JSON.parse(built.stdout)).toMatchObject({ portal: true });
    const live = path.join(out, 'portal', 'live');
    const page = (route: string) => readFile(path.join(live, route, 'index.html'), 'utf8');
    const site = `https://${active.slug}.bandarlampungkota.go.id`;

    const home = await page('');
    expect(home).toContain('Pelayanan tutup saat cuti bersama');
    expect(home).toContain(`href="${site}/berita/${news}/"`);
    const directory = await page('opd');
    expect(directory).toContain(`href="${site}/"`);
    expect(directory).toContain(active.name);
    const catalogue = await page('layanan');
    expect(catalogue).toMatch(/id="peristiwa-kelahiran"/);
    expect(catalogue).toMatch(/id="bidang-kependudukan"/);
    const mpp = catalogue.slice(catalogue.indexOf('id="mpp"'), catalogue.indexOf('id="daring"'));
    expect(mpp).toContain('Akta Kelahiran Portal');
    expect(mpp).not.toContain('Surat Keterangan Usaha Portal');
    const online = catalogue.slice(catalogue.indexOf('id="daring"'));
    expect(online).toContain('Akta Kelahiran Portal');
    expect(online).not.toContain('Surat Keterangan Usaha Portal');
    const card = (title: string) => {
      const at = catalogue.indexOf(`>${title}</a>`);
      return catalogue.slice(at, catalogue.indexOf('</article>', at)).replace(/\s+/g, ' ');
    };
    expect(card('Akta Kelahiran Portal')).toMatch(
      /Kepuasan warga \d{4}<\/a>: indeks 100,00, mutu A \(Sangat baik\) · 1 responden dari minimal 384/,
    );
    expect(card('Akta Kelahiran Portal')).toContain(`href="${site}/survei/"`);
    expect(card('Surat Keterangan Usaha Portal')).not.toContain('Kepuasan warga');

    const everything = (
      await Promise.all(
        (await filesUnder(live))
          .filter((file) => file.endsWith('.html'))
          .map((file) => readFile(file, 'utf8')),
      )
    ).join('\n');
    expect(everything).not.toContain('DRAF-PORTAL-RAHASIA');
    expect(everything).not.toContain('BERITA-OPD-NONAKTIF');
    expect(everything).not.toContain(suspended.name);
    for (const route of ['', 'opd', 'layanan', 'berita', 'ppid', 'cari', '404.html']) {
      const html = route.endsWith('.html')
        ? await readFile(path.join(live, route), 'utf8')
        : await page(route);
      expect([route, htmlErrors(html)]).toEqual([route, []]);
    }
    // Content-model errors too, on every portal page: the W3C's Nu HTML Checker.
    expect(await nuCheckerErrors(live)).toEqual([]);
    // Found by crawlers and feed readers: a sitemap, robots.txt and an RSS feed whose links are the portal's own.
    const portalHome = 'https://portal.bandarlampungkota.go.id';
    expect(await readFile(path.join(live, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${portalHome}/sitemap.xml`,
    );
    const sitemap = await readFile(path.join(live, 'sitemap.xml'), 'utf8');
    for (const route of ['/', '/berita/', '/layanan/', '/opd/', '/ppid/'])
      expect(sitemap).toContain(`<loc>${portalHome}${route}</loc>`);
    const feed = await readFile(path.join(live, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]!);
    expect(links).toContain(`${site}/berita/${news}/`);
    const onPages = `${home}\n${await page('berita')}`;
    for (const link of links) expect(onPages).toContain(`href="${link}"`);
    // An announcement links to its own page on the OPD site.
    expect(links.some((link) => /\/pengumuman\/[a-z0-9-]+\/$/.test(link))).toBe(true);
    // Headings never skip a level.
    for (const route of ['', 'opd', 'layanan', 'berita', 'ppid', 'cari']) {
      const levels = [...(await page(route)).matchAll(/<h([1-6])[ >]/g)].map((match) => Number(match[1]));
      const skips = levels.filter((level, index) => index > 0 && level > levels[index - 1]! + 1);
      expect({ route, skips }).toEqual({ route, skips: [] });
    }
    // Choosing the OPD for an information request: each OPD's own PPID form, and its yearly report.
    const ppid = await page('ppid');
    expect(ppid).toContain(`href="${site}/ppid/#ajukan"`);
    expect(ppid).toContain(`href="${site}/ppid/laporan"`);
    // City-wide search covers services, news and OPDs.
    const indexed = await searchIndexText(live);
    expect(indexed).toContain('Surat Keterangan Usaha Portal');
    expect(indexed).toContain('Posyandu keliling se-kecamatan');
    // Each service is found once, however many groupings list it (it stands under its life event, its sector,
    // the MPP and online sections).
    const fragmentsWith = (text: string) => indexed.split('\n').filter((fragment) => fragment.includes(text));
    expect(fragmentsWith('Akta Kelahiran Portal')).toHaveLength(1);
    const [catalogueEntry] = fragmentsWith('Akta Kelahiran Portal');
    expect(catalogueEntry!.match(/"text":"Akta Kelahiran Portal"/g)).toHaveLength(1);
    expect(await readlink(path.join(out, '_domains', 'portal.bandarlampungkota.go.id'))).toBe(
      path.join('..', 'portal', 'live'),
    );

    // The transparency page exists only once the city chooses to publish every OPD's band.
    expect(home).not.toContain('href="/keterbukaan/"');
    await expect(page('keterbukaan')).rejects.toThrow(/ENOENT/);
    const policy = (await t.http().get('/api/v1/admin/oversight/policy').set(platform.auth)).body.policy;
    const enabled = await t
      .http()
      .put('/api/v1/admin/oversight/policy')
      .set(platform.auth)
      .send({ ...policy, publicTransparency: true });
    expect(enabled.status).toBe(200);
    await run(process.execPath, [BUILDER, '--api', apiUrl, '--out', out], {
      env: { ...process.env, LAMAN_SITES_DOMAIN: 'bandarlampungkota.go.id', LAMAN_SITES_URL: '' },
    });
    const transparency = await page('keterbukaan');
    expect(transparency).toMatch(
      new RegExp(`${active.name}</a></th><td>[^<]+</td><td>\\d+</td><td>[A-Za-z ]+Informatif</td>`),
    );
    expect(transparency).not.toContain(suspended.name);
    expect(htmlErrors(transparency)).toEqual([]);
    expect(await page('')).toContain('href="/keterbukaan/"');
  }, 120_000);
});
