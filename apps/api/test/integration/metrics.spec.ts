import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { ScheduledPublisher } from '../../src/modules/content/scheduled-publisher';
import { asSuperuser } from '../helpers/superuser';
import { startAnotherInstance, startTestApp, type TestApp } from '../helpers/test-app';

const TOKEN = 'metrics-token-for-the-tests-0123456789';

interface Family {
  name: string;
  type: string;
  metrics: Array<{ labels?: Record<string, string>; value?: string; count?: string; buckets?: object }>;
}

/**
 * Prometheus metrics on the API: behind their token, in the text format a Prometheus parser reads, with request
 * rates and latencies by route template (never by address), queue depth and age, sites by their latest build,
 * scheduler lag and the periodic passes — and a scan of random addresses does not grow the series.
 */
describe('metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  let text = '';
  const scrape = async (): Promise<Map<string, Family>> => {
    const answer = await t.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/plain');
    text = answer.text;
    const families = parsePrometheusTextFormat(answer.text) as Family[];
    return new Map(families.map((family) => [family.name, family]));
  };
  /**
   * A histogram's series (its `_count` lines), by labels: the parser merges a labelled histogram's series into
   * one, so these are read from the text itself (Prometheus reads them whole: test/e2e/prometheus.spec.ts).
   */
  const histogramSeries = (name: string): Array<{ labels: Record<string, string>; count: number }> =>
    [...text.matchAll(new RegExp(`^${name}_count\\{([^}]*)\\} (\\S+)$`, 'gm'))].map((match) => ({
      labels: Object.fromEntries(
        [...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
      ),
      count: Number(match[2]),
    }));
  const samples = (families: Map<string, Family>, name: string) => families.get(name)?.metrics ?? [];

  it.each([
    ['no token', undefined],
    ['a wrong token', 'Bearer metrics-token-for-the-tests-0123456780'],
    ['the token without its scheme', TOKEN],
  ])('refuses a scrape with %s (401), telling nothing', async (_name, header) => {
    const request = t.http().get('/metrics');
    const answer = await (header ? request.set('authorization', header) : request);
    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain('laman_');
  });

  it('is off (404) where no token is configured', async () => {
    const other = await startAnotherInstance(t.database);
    try {
      const answer = await other.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('laman_');
    } finally {
      await other.close();
    }
  });

  it('times requests by method, route template and status; unknown addresses share one series', async () => {
    const tenant = await t.given.tenant();
    for (let index = 0; index < 3; index++)
      expect((await t.http().get(`/api/v1/public/${tenant.slug}/content?type=berita`)).status).toBe(200);
    for (let index = 0; index < 20; index++)
      expect((await t.http().get(`/api/v1/acak-${index}-${Math.random()}`)).status).toBe(404);
    const families = await scrape();
    expect(families.get('laman_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    const requests = histogramSeries('laman_http_request_duration_seconds');
    const routes = new Set(requests.map((sample) => sample.labels['route']));
    expect(routes).toContain('/api/v1/public/:tenant/content');
    expect(routes).toContain('unmatched');
    for (const route of routes) {
      expect(route).not.toContain(tenant.slug);
      expect(route).not.toMatch(/acak-/);
    }
    const content = requests.find(
      (sample) =>
        sample.labels['route'] === '/api/v1/public/:tenant/content' &&
        sample.labels['method'] === 'GET' &&
        sample.labels['status'] === '200',
    );
    expect(content?.count).toBeGreaterThanOrEqual(3);
    const unmatched = requests.filter(
      (sample) => sample.labels['route'] === 'unmatched' && sample.labels['status'] === '404',
    );
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]!.count).toBeGreaterThanOrEqual(20);
    expect(samples(families, 'laman_process_resident_memory_bytes')).toHaveLength(1);
  });

  it('reports queue depth and age, sites by latest build, scheduler lag and periodic passes', async () => {
    const late = await t.given.tenant();
    await asSuperuser(
      t.database,
      `UPDATE tenants SET next_due_at = now() - interval '10 minutes' WHERE id = $1`,
      [late.id],
    );
    let families = await scrape();
    const lag = Number(samples(families, 'laman_scheduler_lag_seconds')[0]?.value);
    expect(lag).toBeGreaterThanOrEqual(600);
    expect(lag).toBeLessThan(3600);
    const queues = samples(families, 'laman_queue_jobs');
    for (const queue of ['site-build', 'portal-build', 'site-rebuild-all', 'wordpress-import'])
      expect(
        queues.filter((sample) => sample.labels?.['queue'] === queue).map((s) => s.labels?.['state']),
      ).toEqual(expect.arrayContaining(['waiting', 'running']));
    expect(samples(families, 'laman_queue_oldest_waiting_seconds').length).toBeGreaterThanOrEqual(4);
    const sites = Object.fromEntries(
      samples(families, 'laman_sites_by_latest_build').map((sample) => [
        sample.labels?.['status'],
        Number(sample.value),
      ]),
    );
    expect(Object.keys(sites).sort()).toEqual(['failed', 'held', 'live', 'none']);
    expect(sites['none']).toBeGreaterThanOrEqual(1);

    // The scheduler's pass works through what was due (here nothing really was): the lag goes, the pass counts.
    await t.app.get(ScheduledPublisher).tick(new Date());
    families = await scrape();
    expect(Number(samples(families, 'laman_scheduler_lag_seconds')[0]?.value)).toBeLessThan(600);
    expect(families.get('laman_periodic_pass_duration_seconds')?.type).toBe('HISTOGRAM');
    const passes = histogramSeries('laman_periodic_pass_duration_seconds').filter(
      (sample) => sample.labels['pass'] === 'ScheduledPublisher' && sample.labels['outcome'] === 'ok',
    );
    expect(passes).toEqual([expect.objectContaining({ count: expect.any(Number) })]);
    expect(passes[0]!.count).toBeGreaterThanOrEqual(1);
  });
});
