import { Database } from '../../src/core/database/database.service';
import { CityService } from '../../src/modules/public/city.service';
import { sampleFields } from '../helpers/content-samples';
import { publishItem } from '../helpers/sample-site';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The city portal's data (`GET /public/city`) from the mirrored `city_items`: what each OPD publishes,
 * unpublishes or edits shows at once; a suspended OPD, a draft, an announcement not yet in force never do; and the answer
 * costs a few queries, not one transaction per OPD (issue 17: 4 s at 2,046 OPDs).
 */
describe('the city directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  interface Page<T> {
    version: string;
    items: T[];
    total: number;
  }
  const read = async <T>(route: string) => {
    const response = await t.http().get(`/api/v1/public/${route}`);
    expect(response.status).toBe(200);
    return response.body as T;
  };
  /** Every page of a city list, `limit` at a time. */
  const allOf = async <T>(route: string, limit = 1000) => {
    const items: T[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await read<Page<T>>(`${route}?limit=${limit}&offset=${offset}`);
      items.push(...page.items);
      if (page.items.length < limit) return { items, total: page.total, version: page.version };
    }
  };
  /** The city as the portal builder assembles it. */
  const city = async () => {
    const front = await read<{
      version: string;
      news: Array<{ tenant: string; title: string }>;
      announcements: Array<{ tenant: string; title: string }>;
      totals: { opds: number; services: number; opdsWithServices: number };
    }>('city');
    const tenants = await allOf<{ slug: string; services: number }>('city/opd');
    const services = await allOf<{ tenant: string; title: string; fee: string | null }>('city/layanan');
    return { ...front, tenants: tenants.items, services: services.items };
  };
  /** A platform admin suspends the OPD. */
  const suspend = async (tenantId: string) => {
    const platform = await t.given.platformSignedIn('platform_admin');
    const suspended = await t
      .http()
      .post(`/api/v1/admin/tenants/${tenantId}/suspend`)
      .set(platform.auth)
      .send({ reason: 'Pemeriksaan' });
    expect(suspended.status).toBe(200);
  };

  it('shows what every active OPD publishes, as it changes, and nothing else', async () => {
    const [a, b] = [await t.given.tenant(), await t.given.tenant()];
    const [editorA, editorB] = [
      await t.given.memberSignedIn(a, 'editor'),
      await t.given.memberSignedIn(b, 'editor'),
    ];
    const news = await publishItem(t, a, editorA, 'berita', sampleFields('berita', 'Kabar kota dari A'));
    await publishItem(t, a, editorA, 'layanan', sampleFields('layanan', 'Layanan A'));
    await publishItem(t, b, editorB, 'pengumuman', {
      ...sampleFields('pengumuman', 'Serta-merta dari B'),
      urgent: true,
    });
    await publishItem(t, b, editorB, 'pengumuman', {
      ...sampleFields('pengumuman', 'Belum berlaku dari B'),
      urgent: true,
      validFrom: new Date(Date.now() + 86_400_000).toISOString(),
      validUntil: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    await t
      .http()
      .post(`/api/v1/tenants/${b.slug}/content/berita`)
      .set(editorB.auth)
      .send({ fields: sampleFields('berita', 'Draf B tidak tampil') });

    const first = await city();
    expect(first.news.map((story) => story.title)).toEqual(['Kabar kota dari A']);
    expect(first.announcements.map((story) => story.title)).toEqual(['Serta-merta dari B']);
    expect(first.services.map((service) => [service.tenant, service.title])).toEqual([[a.slug, 'Layanan A']]);
    expect(first.tenants.find((tenant) => tenant.slug === a.slug)?.services).toBe(1);

    // An edit and an unpublish show in the next answer.
    const edited = await t
      .http()
      .put(`/api/v1/tenants/${a.slug}/content/berita/${news.id}`)
      .set(editorA.auth)
      .send({ version: news.version, fields: sampleFields('berita', 'Kabar kota dari A, diperbarui') });
    const republished = await t
      .http()
      .post(`/api/v1/tenants/${a.slug}/content/items/${news.id}/publish`)
      .set(editorA.auth)
      .send({ version: edited.body.version });
    expect(republished.status).toBe(200);
    expect((await city()).news.map((story) => story.title)).toEqual(['Kabar kota dari A, diperbarui']);
    await t
      .http()
      .post(`/api/v1/tenants/${a.slug}/content/items/${news.id}/unpublish`)
      .set(editorA.auth)
      .send({ version: republished.body.version });
    expect((await city()).news).toEqual([]);

    // A suspended OPD leaves the portal with everything it published.
    await suspend(b.id);
    const after = await city();
    expect(after.announcements).toEqual([]);
    expect(after.tenants.map((tenant) => tenant.slug)).not.toContain(b.slug);
  });

  it('pages the directory and the catalogue, every page from the same city version until it changes', async () => {
    const platform = await t.given.platformSignedIn('platform_admin');
    const tenants = [await t.given.tenant(), await t.given.tenant(), await t.given.tenant()];
    for (const [index, tenant] of tenants.entries()) {
      const editor = await t.given.memberSignedIn(tenant, 'editor');
      await publishItem(t, tenant, editor, 'layanan', sampleFields('layanan', `Layanan halaman ${index}`));
    }
    const whole = await city();
    const byOne = await allOf<{ slug: string }>('city/opd', 1);
    expect(byOne.items.map((tenant) => tenant.slug)).toEqual(whole.tenants.map((tenant) => tenant.slug));
    expect(byOne.total).toBe(whole.totals.opds);
    expect(byOne.version).toBe(whole.version);
    const services = await allOf<{ tenant: string; title: string }>('city/layanan', 2);
    expect(services.items).toEqual(whole.services);
    expect(services.total).toBe(whole.totals.services);
    expect(whole.totals.opdsWithServices).toBe(new Set(whole.services.map((service) => service.tenant)).size);
    for (const tenant of tenants)
      expect(whole.services.map((service) => service.tenant)).toContain(tenant.slug);
    // The front page carries neither list: it stays small however many OPDs the city has.
    expect(Object.keys(await read('city')).sort()).toEqual(['announcements', 'news', 'totals', 'version']);

    const past = await read<Page<unknown>>(`city/opd?limit=5&offset=${whole.totals.opds}`);
    expect(past).toEqual({ version: whole.version, items: [], total: whole.totals.opds });
    for (const query of ['limit=0', 'limit=1001', 'offset=-1', 'limit=abc']) {
      const refused = await t.http().get(`/api/v1/public/city/layanan?${query}`);
      expect(refused.status).toBe(400);
    }

    // An OPD that came and was suspended again leaves the listed city as it was, and its version with it (the
    // version is the database's state, the same on every replica, not a count of notifications heard).
    await suspend((await t.given.tenant()).id);
    expect((await read<Page<unknown>>('city/opd?limit=1')).version).toBe(whole.version);

    // A renamed OPD moves it without any publish (the directory shows names).
    const renamed = await t
      .http()
      .patch(`/api/v1/admin/tenants/${tenants[1]!.id}`)
      .set(platform.auth)
      .send({ name: `${tenants[1]!.name} Baru` });
    expect(renamed.status).toBe(200);
    const afterRename = await read<Page<{ name: string }>>('city/opd?limit=1000');
    expect(afterRename.version).not.toBe(whole.version);
    expect(afterRename.items.map((tenant) => tenant.name)).toContain(`${tenants[1]!.name} Baru`);

    const editor = await t.given.memberSignedIn(tenants[0]!, 'editor');
    await publishItem(t, tenants[0]!, editor, 'berita', sampleFields('berita', 'Versi baru'));
    expect((await read<Page<unknown>>('city/opd?limit=1')).version).not.toBe(afterRename.version);
  });

  it("shows each service's satisfaction index of this year in the catalogue, at most an hour old", async () => {
    const opd = await t.given.tenant();
    const editor = await t.given.memberSignedIn(opd, 'editor');
    const rated = await publishItem(t, opd, editor, 'layanan', {
      ...sampleFields('layanan', 'Layanan Bersurvei'),
      annualUsers: 100,
    });
    await publishItem(t, opd, editor, 'layanan', sampleFields('layanan', 'Layanan Tanpa Survei'));
    type Listed = { tenant: string; slug: string; survey: Record<string, unknown> | null };
    const listed = async (now?: Date) => {
      const page = now
        ? (JSON.parse((await t.app.get(CityService).services(1000, 0, now)).body) as Page<Listed>)
        : await read<Page<Listed>>('city/layanan?limit=1000&offset=0');
      return page.items.filter((service) => service.tenant === opd.slug);
    };
    expect((await listed()).map((service) => service.survey)).toEqual([null, null]);
    const answers = (value: number) =>
      Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, value]));
    for (const value of [4, 3]) {
      const sent = await t
        .http()
        .post(`/api/v1/public/${opd.slug}/surveys/responses`)
        .send({ service: rated.slug, ...answers(value), suggestion: `jawaban ${value}` });
      expect(sent.status).toBe(204);
    }
    const anHourOn = await listed(new Date(Date.now() + 3_600_000));
    expect(anHourOn.find((service) => service.slug === rated.slug)!.survey).toEqual({
      year: Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4)),
      respondents: 2,
      minimumRespondents: 80,
      index: 87.5,
      grade: 'B',
      gradeLabel: 'Baik',
    });
    expect(anHourOn.find((service) => service.slug !== rated.slug)!.survey).toBeNull();
  });

  it('answers from a few queries, without a transaction per OPD', async () => {
    for (let count = 0; count < 5; count++) {
      const tenant = await t.given.tenant();
      const editor = await t.given.memberSignedIn(tenant, 'editor');
      await publishItem(t, tenant, editor, 'berita', sampleFields('berita', `Kabar OPD ${count}`));
    }
    const database = t.app.get(Database);
    const perOpd = jest.spyOn(database, 'inTenant');
    try {
      const answer = await city();
      expect(answer.news.length).toBeGreaterThanOrEqual(5);
      expect(perOpd).not.toHaveBeenCalled();
    } finally {
      perOpd.mockRestore();
    }
  });

  it("is read by anyone, but written only in an OPD's own scope", async () => {
    const [a, b] = [await t.given.tenant(), await t.given.tenant()];
    const asOpd = (tenantId: string, sql: string, params: unknown[]) =>
      t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        return manager.query(sql, params);
      });
    const forge = `INSERT INTO city_items (item_id, tenant_id, type, slug, title, published_at, urgent)
                   VALUES (gen_random_uuid(), $1, 'berita', 'palsu', 'Berita palsu', now(), false)`;
    await expect(asOpd(a.id, forge, [b.id])).rejects.toMatchObject({ driverError: { code: '42501' } });
    await expect(t.dataSource.query(forge, [b.id])).rejects.toMatchObject({ driverError: { code: '42501' } });
    expect((await city()).news.map((story) => story.title)).not.toContain('Berita palsu');
  });
});
