import { createHash } from 'node:crypto';
import { type Client } from 'pg';
import { SiteChangeNotifier } from '../../src/core/database/site-change-notifier';
import { ScheduledPublisher } from '../../src/modules/content/scheduled-publisher';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { activeContentIn } from '../helpers/active-content';
import { doc, sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { eventually } from '../helpers/eventually';
import { freezableProxy } from '../helpers/freezable-proxy';
import { asSuperuser } from '../helpers/superuser';
import { startAnotherInstance, startTestApp, type TestApp } from '../helpers/test-app';

describe('public read API', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  const manage = () => `/api/v1/tenants/${tenant.slug}/content`;
  const pub = (path: string) => t.http().get(`/api/v1/public/${tenant.slug}${path}`);

  async function create(
    type: string,
    fields: Record<string, unknown>,
  ): Promise<{ id: string; slug: string; version: number }> {
    const response = await t.http().post(`${manage()}/${type}`).set(editor.auth).send({ fields });
    expect(response.status).toBe(201);
    return response.body;
  }
  async function publish(type: string, fields: Record<string, unknown>) {
    const item = await create(type, fields);
    const response = await t
      .http()
      .post(`${manage()}/items/${item.id}/publish`)
      .set(editor.auth)
      .send({ version: item.version });
    expect(response.status).toBe(200);
    return response.body as { id: string; slug: string; version: number };
  }

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
  });
  afterAll(() => t.close());

  it('serves exactly the published state: never a draft, by list, slug, search or guessing', async () => {
    const live = await publish('berita', {
      ...sampleFields('berita', 'Pelayanan KTP keliling dibuka'),
      category: 'Pelayanan',
      tags: ['ktp-el'],
    });
    const draft = await create('berita', sampleFields('berita', 'Rahasia draf pelayanan KTP'));
    const inReview = await create('berita', sampleFields('berita', 'Draf menunggu review KTP'));
    await t.http().post(`${manage()}/items/${inReview.id}/submit`).set(editor.auth).send({ version: 1 });

    const list = await pub('/content?type=berita');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { slug: string }) => item.slug)).toEqual([live.slug]);
    expect(list.body.items[0].fields.bodyHtml).toContain('<p>Isi berita pertama.</p>');
    expect(list.body.items[0].fields.body).toBeUndefined();

    expect((await pub(`/content/berita/${live.slug}`)).status).toBe(200);
    for (const hidden of [draft.slug, inReview.slug, 'tidak-ada']) {
      const guess = await pub(`/content/berita/${hidden}`);
      expect(guess.status).toBe(404);
    }
    const snapshot = await pub('/snapshot');
    expect(snapshot.body.items.map((item: { slug: string }) => item.slug)).toEqual([live.slug]);
    expect(JSON.stringify(snapshot.body)).not.toContain('Rahasia draf');
    // Without bodies (the site builder's outline): the same items, each body named by its digest only.
    const outline = await pub('/snapshot?bodies=none');
    expect(outline.body.items.map((item: { slug: string }) => item.slug)).toEqual([live.slug]);
    const [whole, slim] = [snapshot.body.items[0], outline.body.items[0]];
    expect(slim.fields.bodyHtml).toBeUndefined();
    expect(slim.bodyDigest).toBe(createHash('md5').update(whole.fields.bodyHtml).digest('hex'));
    expect(slim).toEqual({ ...whole, fields: { ...whole.fields, bodyHtml: undefined } });
    expect(JSON.stringify(outline.body)).not.toContain('Rahasia draf');
    const refused = await pub('/snapshot?bodies=some');
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'bodies' })]);
    const search = await pub('/search?q=pelayanan ktp');
    expect(search.body.items.map((hit: { slug: string }) => hit.slug)).toEqual([live.slug]);
    expect((await pub('/search?q=rahasia')).body.total).toBe(0);

    const edited = await t
      .http()
      .put(`${manage()}/berita/${live.id}`)
      .set(editor.auth)
      .send({ version: live.version, fields: sampleFields('berita', 'Judul draf baru belum terbit') });
    expect(edited.status).toBe(200);
    expect((await pub(`/content/berita/${live.slug}`)).body.title).toBe('Pelayanan KTP keliling dibuka');
  });

  it('never serves a stale or withdrawn item after publish or unpublish (cache invalidated in the same flow)', async () => {
    const item = await publish('berita', sampleFields('berita', 'Versi pertama berita'));
    expect((await pub(`/content/berita/${item.slug}`)).body.title).toBe('Versi pertama berita');
    expect((await pub('/content?type=berita')).body.items.map((i: { title: string }) => i.title)).toContain(
      'Versi pertama berita',
    );

    const saved = await t
      .http()
      .put(`${manage()}/berita/${item.id}`)
      .set(editor.auth)
      .send({ version: item.version, fields: sampleFields('berita', 'Versi kedua berita') });
    const republished = await t
      .http()
      .post(`${manage()}/items/${item.id}/publish`)
      .set(editor.auth)
      .send({ version: saved.body.version });
    expect((await pub(`/content/berita/${item.slug}`)).body.title).toBe('Versi kedua berita');
    expect((await pub('/content?type=berita')).body.items.map((i: { title: string }) => i.title)).toContain(
      'Versi kedua berita',
    );

    await t
      .http()
      .post(`${manage()}/items/${item.id}/unpublish`)
      .set(editor.auth)
      .send({ version: republished.body.version });
    expect((await pub(`/content/berita/${item.slug}`)).status).toBe(404);
    expect(
      (await pub('/content?type=berita')).body.items.map((i: { title: string }) => i.title),
    ).not.toContain('Versi kedua berita');
  });

  it('shows a scheduled item only after its time', async () => {
    const item = await create('berita', sampleFields('berita', 'Berita terjadwal publik'));
    const publishAt = new Date(Date.now() + 60_000);
    await t
      .http()
      .post(`${manage()}/items/${item.id}/schedule`)
      .set(editor.auth)
      .send({ version: item.version, publishAt: publishAt.toISOString() });
    expect((await pub(`/content/berita/${item.slug}`)).status).toBe(404);
    await t.app.get(ScheduledPublisher).tick(new Date(publishAt.getTime() + 1000));
    expect((await pub(`/content/berita/${item.slug}`)).status).toBe(200);
  });

  it('lists announcements only while they are valid, urgent ones on the site', async () => {
    const future = await publish('pengumuman', {
      ...sampleFields('pengumuman', 'Belum berlaku'),
      validFrom: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const ended = await publish('pengumuman', {
      ...sampleFields('pengumuman', 'Sudah lewat'),
      validFrom: '2025-01-01T00:00',
      validUntil: new Date(Date.now() + 1000).toISOString(),
    });
    const urgent = await publish('pengumuman', {
      ...sampleFields('pengumuman', 'Siaga banjir rob'),
      urgent: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const shown = await t
      .http()
      .get(`/api/v1/public/${tenant.slug}/content?type=pengumuman`)
      .set('Cache-Control', 'no-cache');
    const slugs = shown.body.items.map((item: { slug: string }) => item.slug);
    expect(slugs).toContain(urgent.slug);
    expect(slugs).not.toContain(future.slug);
    expect(slugs).not.toContain(ended.slug);
    const site = await pub('/site');
    expect(site.body.urgentAnnouncements.map((item: { slug: string }) => item.slug)).toEqual([urgent.slug]);
  });

  it('filters by category, tag, year and date range, and paginates within bounds', async () => {
    await publish('dokumen', { ...sampleFields('dokumen', 'Renja 2025'), year: 2025 });
    await publish('dokumen', { ...sampleFields('dokumen', 'Renja 2026'), year: 2026 });
    await publish('agenda', {
      ...sampleFields('agenda', 'Musrenbang Desember'),
      startsAt: '2026-12-10T09:00',
      endsAt: '2026-12-10T12:00',
    });
    expect(
      (await pub('/content?type=dokumen&year=2026')).body.items.map((i: { title: string }) => i.title),
    ).toEqual(['Renja 2026']);
    expect((await pub('/content?type=dokumen&category=renja')).body.total).toBe(2);
    expect((await pub('/content?tag=berkala')).body.total).toBe(2);
    expect((await pub('/content?type=agenda&from=2026-12-10&to=2026-12-10')).body.total).toBe(1);
    expect((await pub('/content?type=agenda&from=2026-12-11')).body.total).toBe(0);
    const paged = await pub('/content?type=dokumen&pageSize=1&page=2&sort=oldest');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(paged.body.items.map((i: { title: string }) => i.title)).toEqual(['Renja 2026']);
  });

  it('refuses unknown or out-of-bounds parameters and any way to ask for drafts', async () => {
    for (const query of [
      '?state=draft',
      '?includeDrafts=true',
      '?pageSize=51',
      '?page=0',
      '?type=rahasia',
      '?sort=random',
      '?year=abc',
    ]) {
      const response = await pub(`/content${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    expect((await pub('/search')).status).toBe(400);
    expect((await pub('/content/rahasia/x')).status).toBe(400);
  });

  it('answers conditional requests with 304 and sends cache headers', async () => {
    await publish('halaman', { ...sampleFields('halaman', 'Visi dan Misi'), kind: 'visi-misi' });
    const first = await pub('/site');
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(String(first.headers['etag'])).toMatch(/^"[\w-]+"$/);
    expect(String(first.headers['last-modified'])).toBeDefined();
    expect(first.body.profilePages).toEqual([
      expect.objectContaining({ title: 'Visi dan Misi', kind: 'visi-misi' }),
    ]);
    const again = await pub('/site').set('If-None-Match', String(first.headers['etag']));
    expect(again.status).toBe(304);
    const since = await pub('/site').set('If-Modified-Since', String(first.headers['last-modified']));
    expect(since.status).toBe(304);
    await publish('berita', sampleFields('berita', 'Berita baru mengubah situs'));
    expect((await pub('/site').set('If-None-Match', String(first.headers['etag']))).status).toBe(200);
  });

  it("serves only active tenants' content and never another tenant's", async () => {
    const other = await t.given.tenant();
    const otherEditor = await t.given.memberSignedIn(other, 'editor');
    const created = await t
      .http()
      .post(`/api/v1/tenants/${other.slug}/content/berita`)
      .set(otherEditor.auth)
      .send({ fields: sampleFields('berita', 'Milik OPD lain') });
    await t
      .http()
      .post(`/api/v1/tenants/${other.slug}/content/items/${created.body.id}/publish`)
      .set(otherEditor.auth)
      .send({ version: 1 });
    expect((await pub(`/content/berita/${created.body.slug}`)).status).toBe(404);
    expect(
      (await t.http().get(`/api/v1/public/${other.slug}/content/berita/${created.body.slug}`)).status,
    ).toBe(200);

    const platform = await t.given.platformSignedIn('platform_admin');
    const suspended = await t
      .http()
      .post(`/api/v1/admin/tenants/${other.id}/suspend`)
      .set(platform.auth)
      .send({ reason: 'Pembersihan konten' });
    expect(suspended.status).toBe(200);
    expect((await t.http().get(`/api/v1/public/${other.slug}/content?type=berita`)).status).toBe(404);
    const directory = await t.http().get('/api/v1/public/tenants');
    expect(directory.body.map((entry: { slug: string }) => entry.slug)).toContain(tenant.slug);
    expect(directory.body.map((entry: { slug: string }) => entry.slug)).not.toContain(other.slug);
  });
});

describe('rich text never carries script to a public page', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
  });
  afterAll(() => t.close());

  const text = (value: string, marks?: unknown[]) => ({
    type: 'text',
    text: value,
    ...(marks ? { marks } : {}),
  });
  const CORPUS: Array<[string, unknown[]]> = [
    ['script as text', [{ type: 'paragraph', content: [text('<script>alert(1)</script>')] }]],
    [
      'javascript: link',
      [
        {
          type: 'paragraph',
          content: [text('klik', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])],
        },
      ],
    ],
    [
      'data: link',
      [
        {
          type: 'paragraph',
          content: [
            text('klik', [
              { type: 'link', attrs: { href: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' } },
            ]),
          ],
        },
      ],
    ],
    [
      'vbscript link',
      [
        {
          type: 'paragraph',
          content: [text('klik', [{ type: 'link', attrs: { href: 'vbscript:msgbox(1)' } }])],
        },
      ],
    ],
    ['image with onerror', [{ type: 'image', attrs: { src: 'x" onerror="alert(1)', alt: 'a' } }]],
    ['image with javascript src', [{ type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'a' } }]],
    [
      'alt breaking out',
      [{ type: 'image', attrs: { src: 'https://contoh.go.id/a.jpg', alt: '"><script>alert(1)</script>' } }],
    ],
    ['iframe to an unknown host', [{ type: 'youtube', attrs: { src: 'https://evil.example/embed/x' } }]],
    [
      'html in heading text',
      [{ type: 'heading', attrs: { level: 2 }, content: [text('<img src=x onerror=alert(1)>')] }],
    ],
    ['svg payload in text', [{ type: 'paragraph', content: [text('<svg onload=alert(1)>')] }]],
    [
      'judi online hidden link text',
      [
        {
          type: 'paragraph',
          content: [text('<a href="https://slot.example" style="display:none">slot gacor</a>')],
        },
      ],
    ],
  ];

  it.each(CORPUS)('%s: stored safely and rendered without active content', async (_label, content) => {
    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: { title: `Uji XSS ${_label}`, body: { type: 'doc', content } } });
    // Refused at save (not a valid document, or an image from outside the media library) is safe too.
    if (created.status === 400) {
      expect(created.body.details).toEqual([
        expect.objectContaining({
          field: 'fields.body',
          constraint: expect.stringMatching(/^(isRichText|ownImages)$/),
        }),
      ]);
      return;
    }
    expect(created.status).toBe(201);
    const publishing = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    const publicItem = await t
      .http()
      .get(`/api/v1/public/${tenant.slug}/content/berita/${created.body.slug}`);
    // Held by the spam guard is safe too: nothing reached the public.
    if (publishing.status === 422) {
      expect(publishing.body.code).toBe('CONTENT_HELD');
      expect(publicItem.status).toBe(404);
      return;
    }
    const html = publicItem.body.fields.bodyHtml as string;
    expect(activeContentIn(html)).toEqual([]);
    expect(activeContentIn('<p onclick="x()">control</p><script>1</script>')).toEqual([
      'p[onclick]',
      '<script>',
    ]);
  });

  it('keeps the safe formatting and YouTube embeds', async () => {
    const body = doc('Halo warga.');
    body.content.push({
      type: 'youtube',
      attrs: { src: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    } as never);
    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: { title: 'Video resmi', body } });
    await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    const html = (await t.http().get(`/api/v1/public/${tenant.slug}/content/berita/${created.body.slug}`))
      .body.fields.bodyHtml as string;
    expect(html).toContain('<p>Halo warga.</p>');
    expect(html).toMatch(/<iframe[^>]+src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
  });
});

describe('public cache across API instances', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Creates a news item and publishes it through the API on the first instance. */
  async function publishNews(tenant: Tenant, editor: SignedIn, title: string) {
    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', title) });
    const published = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    return { created, published };
  }

  /** A new OPD with an editor, and its public news count as `instance` answers it (read twice: cached). */
  async function newsReadOn(instance: { http: TestApp['http'] }) {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const totalOnOther = async () =>
      (await instance.http().get(`/api/v1/public/${tenant.slug}/content?type=berita`)).body.total as number;
    expect(await totalOnOther()).toBe(0);
    expect(await totalOnOther()).toBe(0);
    return { tenant, editor, totalOnOther };
  }

  it('a publish on one instance reaches the cached public answers of another (PostgreSQL NOTIFY)', async () => {
    const other = await startAnotherInstance(t.database);
    try {
      const tenant = await t.given.tenant();
      const editor = await t.given.memberSignedIn(tenant, 'editor');
      const listOnOther = () => other.http().get(`/api/v1/public/${tenant.slug}/content?type=berita`);
      expect((await listOnOther()).body.total).toBe(0);
      expect((await listOnOther()).body.total).toBe(0);

      const { created, published } = await publishNews(tenant, editor, 'Terbit di instans A');
      expect(published.status).toBe(200);
      const seen = await eventually(
        async () => (await listOnOther()).body.total as number,
        (total) => total !== 0,
        { withinMs: 10_000, everyMs: 25 },
      );
      expect(seen).toBe(1);

      await t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/unpublish`)
        .set(editor.auth)
        .send({ version: published.body.version });
      const gone = await eventually(
        async () =>
          (await other.http().get(`/api/v1/public/${tenant.slug}/content/berita/${created.body.slug}`))
            .status === 404,
        (found) => found,
        { withinMs: 10_000, everyMs: 25 },
      );
      expect(gone).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('answers fresh on another instance while its listener is lost, and listens again however long the database refuses it', async () => {
    const other = await startAnotherInstance(t.database);
    const notifier = other.app.get(SiteChangeNotifier);
    const connect = (allowed: boolean) =>
      asSuperuser(
        t.database,
        `${allowed ? 'GRANT' : 'REVOKE'} CONNECT ON DATABASE ${t.database.name} ${allowed ? 'TO' : 'FROM'} PUBLIC, laman_app`,
      );
    try {
      const { tenant, editor, totalOnOther } = await newsReadOn(other);

      // Every listener is cut off, and new connections are refused for several of its retries.
      await connect(false);
      await asSuperuser(
        t.database,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'laman-listener' AND datname = $1`,
        [t.database.name],
      );
      expect(
        await eventually(
          async () => notifier.hearsEveryChange,
          (hears) => !hears,
          { withinMs: 10_000 },
        ),
      ).toBe(false);
      // Published meanwhile (the pools keep their open connections): the other instance reads it at once.
      expect((await publishNews(tenant, editor, 'Terbit saat pendengar putus')).published.status).toBe(200);
      expect(await totalOnOther()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(notifier.hearsEveryChange).toBe(false);

      await connect(true);
      expect(
        await eventually(
          async () => notifier.hearsEveryChange,
          (hears) => hears,
          { withinMs: 20_000 },
        ),
      ).toBe(true);
      // Listening again: the next publish reaches the other instance's cache through PostgreSQL.
      expect(await totalOnOther()).toBe(1);
      await publishNews(tenant, editor, 'Terbit setelah pendengar kembali');
      expect(await eventually(totalOnOther, (total) => total === 2, { withinMs: 10_000, everyMs: 25 })).toBe(
        2,
      );
    } finally {
      await connect(true);
      await other.close();
    }
  }, 60_000);

  it('notices a listener connection that went silent (no error, no close) and serves fresh again within seconds', async () => {
    const database = new URL(t.database.appUrl);
    const proxy = await freezableProxy({ host: database.hostname, port: Number(database.port) });
    const other = await startAnotherInstance(t.database, { DATABASE_URL: proxy.url(t.database.appUrl) });
    try {
      const { tenant, editor, totalOnOther } = await newsReadOn(other);
      expect(proxy.freeze('laman-listener')).toBe(1);
      await publishNews(tenant, editor, 'Terbit saat jaringan pendengar senyap');
      // Unheard, the cached answers would last their 30 s; the listener's ping notices within about 7 s (the
      // budget is 3× that, still short of 30 s).
      expect(await eventually(totalOnOther, (total) => total === 1, { withinMs: 22_000, everyMs: 50 })).toBe(
        1,
      );
      expect(
        await eventually(
          async () => other.app.get(SiteChangeNotifier).hearsEveryChange,
          (hears) => hears,
          { withinMs: 10_000 },
        ),
      ).toBe(true);
    } finally {
      await other.close();
      await proxy.close();
    }
  }, 60_000);

  it('answers fresh on the instance that made each change even when the notification from PostgreSQL is late', async () => {
    // Withhold this instance's LISTEN deliveries: its cache must then be cleared by the commit itself.
    const listener = (t.app.get(SiteChangeNotifier) as unknown as { listener: Client }).listener;
    const deliver = listener.emit.bind(listener);
    listener.emit = (event: string | symbol, ...args: unknown[]) =>
      event === 'notification' ? true : deliver(event, ...args);
    try {
      const tenant = await t.given.tenant();
      const editor = await t.given.memberSignedIn(tenant, 'tenant_admin');
      const platform = await t.given.platformSignedIn('platform_admin');
      const site = (slug = tenant.slug) => t.http().get(`/api/v1/public/${slug}/site`);
      const list = () => t.http().get(`/api/v1/public/${tenant.slug}/content?type=berita`);
      expect((await list()).body.total).toBe(0);
      expect((await site()).body.settings.tagline ?? null).toBeNull();

      const { created, published } = await publishNews(tenant, editor, 'Terbit tanpa pemberitahuan');
      expect((await list()).body.items.map((item: { title: string }) => item.title)).toEqual([
        'Terbit tanpa pemberitahuan',
      ]);
      const unpublished = await t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/unpublish`)
        .set(editor.auth)
        .send({ version: published.body.version });
      expect(unpublished.status).toBe(200);
      expect((await list()).body.total).toBe(0);

      const settings = t.http().put(`/api/v1/tenants/${tenant.slug}/settings`).set(editor.auth);
      expect((await settings.send({ version: 0, settings: { tagline: 'Baru saja' } })).status).toBe(200);
      expect((await site()).body.settings.tagline).toBe('Baru saja');

      const admin = `/api/v1/admin/tenants/${tenant.id}`;
      const renamed = await t.http().patch(admin).set(platform.auth).send({ name: 'Dinas Berganti Nama' });
      expect(renamed.status).toBe(200);
      expect((await site()).body.tenant.name).toBe('Dinas Berganti Nama');
      const suspended = await t
        .http()
        .post(`${admin}/suspend`)
        .set(platform.auth)
        .send({ reason: 'Uji penghentian' });
      expect(suspended.status).toBe(200);
      expect((await site()).status).toBe(404);
      expect((await t.http().post(`${admin}/reactivate`).set(platform.auth)).status).toBe(200);
      expect((await site()).status).toBe(200);
    } finally {
      listener.emit = deliver;
    }
  });

  it('while readers hammer both instances, the publishing one is never stale once the call returns, the other soon after', async () => {
    const other = await startAnotherInstance(t.database);
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const list = `/api/v1/public/${tenant.slug}/content?type=berita`;
    // Reads in flight at every moment of every publish: the race between a read and a change notification.
    let reading = true;
    const readers = [t, other, t, other].map(async (instance) => {
      while (reading) await instance.http().get(list);
    });
    try {
      for (let count = 1; count <= 5; count++) {
        const { published } = await publishNews(tenant, editor, `Berita serentak ${count}`);
        expect(published.status).toBe(200);
        expect((await t.http().get(list)).body.total).toBe(count);
        const seenByOther = await eventually(
          async () => (await other.http().get(list)).body.total as number,
          (total) => total === count,
          { withinMs: 10_000, everyMs: 10 },
        );
        expect(seenByOther).toBe(count);
        // And it stays seen: a read that raced the change did not put the old answer back.
        expect((await other.http().get(list)).body.total).toBe(count);
        expect((await t.http().get(list)).body.total).toBe(count);
      }
    } finally {
      reading = false;
      await Promise.all(readers);
      await other.close();
    }
  });
});
