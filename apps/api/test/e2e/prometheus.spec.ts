import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { sampleFields } from '../helpers/content-samples';
import { startPrometheus, type RunningPrometheus } from '../helpers/debian-prometheus';
import { eventually } from '../helpers/eventually';
import { freePort } from '../helpers/free-port';
import { type RunningWorker, startSiteWorker } from '../helpers/site-worker';
import { startTestApp, type TestApp } from '../helpers/test-app';

const ALERTS = path.resolve(__dirname, '../../../../deploy/prometheus/alerts.yml');
const TOKEN = 'prometheus-scrapes-with-this-token-0123';

interface Target {
  labels: { job: string };
  health: string;
  lastError: string;
}
interface RuleGroups {
  groups: Array<{ rules: Array<{ name: string; query: string; health: string; lastError?: string }> }>;
}

/**
 * The API and a site worker scraped by Debian's Prometheus, with the alerts operators are given
 * (deploy/prometheus/alerts.yml): both targets up with the token (a scrape without it is refused), the series
 * read by Prometheus itself — requests by route, builds by kind and outcome, queues — and every alert evaluates
 * without error over series that exist.
 */
describe('metrics, as Prometheus reads them, and the documented alerts', () => {
  let t: TestApp;
  let sites: string;
  let worker: RunningWorker;
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    sites = await mkdtemp(path.join(tmpdir(), 'laman-prometheus-sites-'));
    t = await startTestApp({ LAMAN_SITES_DIR: sites, METRICS_TOKEN: TOKEN });
    await t.app.listen(0, '127.0.0.1');
    const apiPort = (t.app.getHttpServer().address() as AddressInfo).port;
    const workerPort = await freePort();
    worker = startSiteWorker({
      databaseUrl: t.database.appUrl,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      sitesDir: sites,
      env: { HOST: '127.0.0.1', METRICS_PORT: String(workerPort), METRICS_TOKEN: TOKEN },
    });
    prometheus = await startPrometheus(
      [
        { job: 'laman-api', address: `127.0.0.1:${apiPort}`, token: TOKEN },
        { job: 'laman-worker', address: `127.0.0.1:${workerPort}`, token: TOKEN },
        { job: 'no-token', address: `127.0.0.1:${apiPort}` },
      ],
      [ALERTS],
    );
  }, 120_000);
  afterAll(async () => {
    await prometheus?.stop();
    await worker?.stop();
    await t.close();
    await rm(sites, { recursive: true, force: true });
  });

  const value = async (expression: string): Promise<number> =>
    Number((await prometheus.query(expression))[0]?.value[1] ?? 'NaN');

  it('scrapes the API and a worker with the token; a scrape without it is refused', async () => {
    const targets = await eventually(
      () => prometheus.api<{ activeTargets: Target[] }>('targets').then((data) => data.activeTargets),
      (list) => list.length === 3 && list.every((target) => target.health !== 'unknown'),
      { withinMs: 60_000, everyMs: 250 },
    );
    const byJob = Object.fromEntries(targets.map((target) => [target.labels.job, target]));
    expect({ api: byJob['laman-api']?.health, worker: byJob['laman-worker']?.health, log: '' }).toEqual({
      api: 'up',
      worker: 'up',
      log: byJob['laman-worker']?.health === 'up' ? '' : worker.log(),
    });
    expect(byJob['no-token']).toMatchObject({ health: 'down', lastError: expect.stringContaining('401') });
  }, 90_000);

  it('reads requests by route and a publish’s build by kind and outcome, as Prometheus itself parses them', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const created = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'Layanan keliling hari Minggu') });
    const published = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${created.body.id}/publish`)
      .set(editor.auth)
      .send({ version: 1 });
    expect(published.status).toBe(200);

    const built = await eventually(
      () =>
        value(
          'sum(laman_site_build_duration_seconds_count{job="laman-worker",kind="change",outcome="live"})',
        ),
      (count) => count >= 1,
      { withinMs: 120_000, everyMs: 500 },
    );
    expect({ built, log: built >= 1 ? '' : worker.log() }).toEqual({ built: expect.any(Number), log: '' });
    expect(built).toBeGreaterThanOrEqual(1);
    // The API and the worker are scraped on their own schedules: the build may be seen before the publish is.
    const publishes = await eventually(
      () =>
        value(
          'sum(laman_http_request_duration_seconds_count{job="laman-api",method="POST",status="200",route="/api/v1/tenants/:tenant/content/items/:id/publish"})',
        ),
      (count) => count >= 1,
      { withinMs: 30_000, everyMs: 500 },
    );
    expect(publishes).toBeGreaterThanOrEqual(1);
    const queues = (await prometheus.query('laman_queue_jobs{job="laman-api",state="waiting"}')).map(
      (series) => series.metric['queue'],
    );
    expect(queues).toEqual(expect.arrayContaining(['site-build', 'portal-build', 'wordpress-import']));
  }, 180_000);

  it('evaluates every documented alert without error, over series that exist', async () => {
    const rules = await eventually(
      () => prometheus.api<RuleGroups>('rules').then((data) => data.groups.flatMap((group) => group.rules)),
      (list) => list.length > 0 && list.every((rule) => rule.health !== 'unknown'),
      { withinMs: 60_000, everyMs: 250 },
    );
    const documented = (parse(await readFile(ALERTS, 'utf8')) as { groups: Array<{ rules: unknown[] }> })
      .groups[0]!.rules.length;
    expect(rules).toHaveLength(documented);
    for (const rule of rules)
      expect({ rule: rule.name, health: rule.health }).toEqual({ rule: rule.name, health: 'ok' });
    const named = new Set(rules.flatMap((rule) => rule.query.match(/laman_[a-z_]+/g) ?? []));
    expect(named.size).toBeGreaterThanOrEqual(5);
    for (const name of named) {
      const series = await prometheus.query(`count({__name__="${name}"})`);
      expect({ name, exists: series.length > 0 }).toEqual({ name, exists: true });
    }
  }, 120_000);
});
