import { DAY_MS } from '../../src/modules/oversight/completeness';
import { wibDay } from '../../src/core/time/wib';
import { ScoreHistoryService } from '../../src/modules/oversight/score-history.service';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** The completeness score from what citizens can see: it moves when an OPD publishes what it lacked. */
describe('city oversight: completeness score per OPD', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  let monitor: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
    monitor = await t.given.platformSignedIn('monitor');
  });
  afterAll(() => t.close());

  // The two days before today: inside any history window the API is asked for, whenever this runs.
  const day1 = new Date(Date.now() - 2 * DAY_MS);
  const day2 = new Date(Date.now() - DAY_MS);

  const own = async () =>
    (await t.http().get(`/api/v1/tenants/${tenant.slug}/oversight`).set(editor.auth)).body as {
      score: number;
      band: string;
      checks: Array<{ code: string; met: boolean }>;
    };

  /** Score passes until none finds anything due (each pass stops when its time is up): how many were scored. */
  const drain = async (at: Date) => {
    let scored = 0;
    for (let pass = await t.app.get(ScoreHistoryService).recordDue(at); pass > 0;) {
      scored += pass;
      pass = await t.app.get(ScoreHistoryService).recordDue(at);
    }
    return scored;
  };

  it('rises when the OPD publishes a missing item, and monitors see every OPD lowest first', async () => {
    const before = await own();
    expect(before.checks.find((check) => check.code === 'services.published')?.met).toBe(false);

    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/layanan`)
      .set(editor.auth)
      .send({ fields: sampleFields('layanan', 'Penerbitan Kartu Keluarga') });
    // A draft changes nothing: only what citizens can see counts.
    expect((await own()).score).toBe(before.score);
    await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: created.body.version });

    const after = await own();
    expect(after.score).toBe(before.score + 10);
    expect(after.checks.find((check) => check.code === 'services.published')?.met).toBe(true);

    const overview = await t.http().get('/api/v1/admin/oversight?limit=200').set(monitor.auth);
    expect(overview.status).toBe(200);
    expect(overview.body.total).toBe(overview.body.items.length);
    const mine = overview.body.items.find((entry: { slug: string }) => entry.slug === tenant.slug);
    expect(mine).toMatchObject({ score: after.score, band: after.band, daysSinceUpdate: 0 });
    const scores = overview.body.items.map((entry: { score: number }) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('keeps each score until its content changes or time moves it, and charts every day with the score in force', async () => {
    const history = t.app.get(ScoreHistoryService);
    // The dashboard's visit above kept every OPD's score; nothing changed since: nothing to score again.
    expect(await history.recordDue(day1)).toBe(0);
    const before = await own();

    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'Berita untuk riwayat skor') });
    await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: created.body.version });
    expect(await history.recordDue(day1)).toBe(1);

    // A new day scores again only the OPDs whose score time alone moves by then (an item crossing an age
    // limit, a new month): each kept score names that moment.
    const kept = async () =>
      (await asSuperuser(
        t.database,
        `SELECT s.about_tenant_id AS id, s.changes_at AS "changesAt" FROM site_scores s
           JOIN tenants t ON t.id = s.about_tenant_id WHERE t.status = 'active'`,
      )) as Array<{ id: string; changesAt: Date }>;
    const movedByDay2 = (await kept()).filter((row) => row.changesAt.getTime() <= day2.getTime()).length;
    expect(await drain(day2)).toBe(movedByDay2);
    const mine = (await kept()).find((row) => row.id === tenant.id)!;
    expect(mine.changesAt.getTime()).toBeGreaterThan(day2.getTime());
    // At the moment it names, this OPD is scored again.
    const moved = await drain(mine.changesAt);
    expect(moved).toBeGreaterThanOrEqual(1);

    const own30 = await t
      .http()
      .get(`/api/v1/tenants/${tenant.slug}/oversight/history?days=30`)
      .set(editor.auth);
    expect(own30.status).toBe(200);
    const withNews = (await own()).score;
    expect(withNews).toBeGreaterThan(before.score);
    const today = wibDay(new Date());
    expect(own30.body.slice(0, 2)).toEqual([
      { day: wibDay(day1), score: withNews, band: expect.any(String) },
      { day: wibDay(day2), score: withNews, band: expect.any(String) },
    ]);
    expect(own30.body.at(-1)).toMatchObject({ day: today });

    const city = await t
      .http()
      .get(`/api/v1/admin/oversight/history?days=30&tenants=${tenant.slug},tidak-ada`)
      .set(monitor.auth);
    expect(city.status).toBe(200);
    const active = (await t.http().get('/api/v1/admin/oversight').set(monitor.auth)).body.summary.opds;
    expect(city.body.days.slice(0, 2)).toEqual([wibDay(day1), wibDay(day2)]);
    // Every OPD scored on day 1 still counts on day 2, whether or not it was scored again.
    expect(city.body.city[1]).toMatchObject({ day: wibDay(day2), tenants: active });
    // Only the OPDs asked for come with their series (a dashboard page's, not a whole country's).
    expect(city.body.tenants.map((entry: { slug: string }) => entry.slug)).toEqual([tenant.slug]);
    expect(city.body.tenants[0].points.slice(0, 2)).toEqual(own30.body.slice(0, 2));
    const cityOnly = await t.http().get('/api/v1/admin/oversight/history?days=30').set(monitor.auth);
    expect(cityOnly.body).toMatchObject({ days: city.body.days, city: city.body.city, tenants: [] });
    const badRange = await t.http().get('/api/v1/admin/oversight/history?days=3').set(monitor.auth);
    expect(badRange.status).toBe(400);
    expect(badRange.body.details[0]).toMatchObject({ field: 'days', constraint: 'min' });
  });

  it('pages, filters and searches the dashboard in the database, with the whole city summed up', async () => {
    const badan = await t.given.tenant(`badan-${Date.now()}`, { kind: 'badan', name: 'Badan 100%_Uji' });
    const dashboard = async (query: string) => {
      const response = await t.http().get(`/api/v1/admin/oversight?${query}`).set(monitor.auth);
      expect(response.status).toBe(200);
      return response.body as {
        total: number;
        items: Array<{ slug: string; band: string; score: number; daysSinceUpdate: number | null }>;
        summary: {
          opds: number;
          average: number;
          bands: Array<{ band: string; opds: number }>;
          kinds: Array<{ kind: string; opds: number }>;
        };
      };
    };
    // A new OPD is scored on the first visit: it is listed, and counted.
    const whole = await dashboard('limit=200');
    expect(whole.items.map((row) => row.slug)).toContain(badan.slug);
    expect(whole.total).toBe(whole.summary.opds);
    expect(whole.summary.bands.reduce((sum, band) => sum + band.opds, 0)).toBe(whole.summary.opds);
    expect(whole.summary.bands).toHaveLength(5);
    expect(whole.summary.kinds).toEqual(
      expect.arrayContaining([{ kind: 'badan', opds: 1 }, expect.objectContaining({ kind: 'dinas' })]),
    );
    const mean = whole.items.reduce((sum, row) => sum + row.score, 0) / whole.items.length;
    expect(whole.summary.average).toBeCloseTo(mean, 1);

    // Pages of two, walked to the end, are the whole list in the same order.
    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 2)
      paged.push(...(await dashboard(`limit=2&offset=${offset}`)).items.map((row) => row.slug));
    expect(paged).toEqual(whole.items.map((row) => row.slug));
    expect((await dashboard(`limit=2&offset=${whole.total + 5}`)).items).toEqual([]);

    // Filters narrow the rows and their total; the summary stays the whole city's.
    const badanOnly = await dashboard('kind=badan');
    expect(badanOnly.items.map((row) => row.slug)).toEqual([badan.slug]);
    expect(badanOnly).toMatchObject({ total: 1, summary: whole.summary });
    const band = whole.items[0]!.band;
    const inBand = await dashboard(`band=${band}&limit=200`);
    expect(inBand.total).toBe(whole.items.filter((row) => row.band === band).length);
    expect(inBand.items.every((row) => row.band === band)).toBe(true);
    // A search takes the user's % and _ literally.
    expect((await dashboard(`q=${encodeURIComponent('100%_uji')}`)).items.map((row) => row.slug)).toEqual([
      badan.slug,
    ]);
    expect((await dashboard(`q=${encodeURIComponent('%_')}`)).total).toBe(1);

    // Longest without publishing first: never-published OPDs lead.
    const stale = (await dashboard('sort=stale&limit=200')).items;
    const days = stale.map((row) => row.daysSinceUpdate ?? Number.POSITIVE_INFINITY);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(days[0]).toBe(Number.POSITIVE_INFINITY);

    // Every bad parameter is named, none is a 500.
    for (const [query, field] of [
      ['limit=201', 'limit'],
      ['offset=-1', 'offset'],
      ['sort=nama', 'sort'],
      ['kind=provinsi', 'kind'],
      ['band=baik', 'band'],
      [`q=${'x'.repeat(101)}`, 'q'],
    ]) {
      const response = await t.http().get(`/api/v1/admin/oversight?${query}`).set(monitor.auth);
      expect({ query, status: response.status, field: response.body.details?.[0]?.field }).toEqual({
        query,
        status: 400,
        field,
      });
    }
    const tooMany = Array.from({ length: 201 }, (_, index) => `opd-${index}`).join(',');
    for (const [query, field] of [
      [`tenants=${tooMany}`, 'tenants'],
      ['tenants=Bukan%20Slug', 'tenants'],
    ]) {
      const response = await t.http().get(`/api/v1/admin/oversight/history?${query}`).set(monitor.auth);
      expect({ status: response.status, field: response.body.details?.[0]?.field }).toEqual({
        status: 400,
        field,
      });
    }
  });

  it("follows the city policy platform admins set, and one OPD's own differences", async () => {
    const platform = await t.given.platformSignedIn('platform_admin');
    const policyPath = '/api/v1/admin/oversight/policy';
    const initial = await t.http().get(policyPath).set(monitor.auth);
    expect(initial.status).toBe(200);
    expect(initial.body.policy).toEqual(initial.body.defaults);
    expect(initial.body.checks).toHaveLength(20);
    expect(initial.body.checks.map((check: { code: string }) => check.code)).toContain('ppid.on_time');
    const { policy } = initial.body as { policy: { required: string[] } & Record<string, unknown> };

    const bad = await t
      .http()
      .put(policyPath)
      .set(platform.auth)
      .send({ ...policy, newsMaxDays: 500, required: ['news.monthly', 'bukan.kode'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'newsMaxDays',
      'required',
    ]);
    expect((await t.http().get(policyPath).set(monitor.auth)).body.policy).toEqual(policy);

    // The city stops counting services: the check leaves every to-do list and the score is rescaled.
    const before = await own();
    const saved = await t
      .http()
      .put(policyPath)
      .set(platform.auth)
      .send({ ...policy, required: policy.required.filter((code) => code !== 'services.published') });
    expect(saved.status).toBe(200);
    const cityOnly = await own();
    expect(cityOnly.checks.some((check) => check.code === 'services.published')).toBe(false);
    expect(cityOnly.score).not.toBe(before.score);
    // Every OPD's kept score is due again (the pass scores them; a dashboard visit first would too).
    const [counted] = await asSuperuser<{ active: number }>(
      t.database,
      `SELECT count(*)::int AS active FROM tenants WHERE status = 'active'`,
    );
    expect(await drain(new Date())).toBe(counted!.active);

    // This OPD publishes news every 90 days and needs no Renstra of its own.
    const tenantPath = `/api/v1/admin/tenants/${tenant.id}/oversight-policy`;
    const override = await t
      .http()
      .put(tenantPath)
      .set(platform.auth)
      .send({ newsMaxDays: 90, exempt: ['performance.renstra'] });
    expect(override.status).toBe(200);
    expect(override.body.override).toEqual({ newsMaxDays: 90, exempt: ['performance.renstra'] });
    expect(override.body.effective.newsMaxDays).toBe(90);
    const differing = await own();
    expect(differing.checks.some((check) => check.code === 'performance.renstra')).toBe(false);
    expect(differing.checks.find((check) => check.code === 'news.monthly')).toMatchObject({
      values: { days: 90 },
    });
    const monitorCannot = await t.http().put(tenantPath).set(monitor.auth).send({});
    expect(monitorCannot.status).toBe(403);

    // An empty override means: follow the city again.
    expect((await t.http().put(tenantPath).set(platform.auth).send({})).body.override).toBeNull();
    expect((await t.http().put(policyPath).set(platform.auth).send(initial.body.defaults)).status).toBe(200);
    expect((await own()).score).toBe(before.score);
  });
});
