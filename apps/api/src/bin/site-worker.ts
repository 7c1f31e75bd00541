import 'reflect-metadata';
import { type Job } from 'pg-boss';
import { ConfigError, loadWorkerConfig } from '../core/config/app-config';
import { createAppDataSource } from '../app-data-source';
import { Database } from '../core/database/database.service';
import { Metrics } from '../core/metrics/metrics';
import { serveMetrics } from '../core/metrics/metrics-server';
import {
  PORTAL_BUILD_QUEUE,
  type PortalBuildJob,
  PRIORITY,
  QUEUE_SCHEMA,
  REBUILD_ALL_QUEUE,
  type RebuildAllJob,
  SITE_BUILD_QUEUE,
  type SiteBuildJob,
} from '../core/queue/site-build-queue';
import { WarmBuilder } from '../modules/builds/builder-process';
import { PortalBuilder } from '../modules/builds/portal-builder';
import { RebuildFanout } from '../modules/builds/rebuild-fanout';
import { BACKGROUND_BUILDS, backgroundBuilders, SiteBuilder } from '../modules/builds/site-builder';

/**
 * The site build worker: its own process (run several for more throughput). Takes build jobs from the
 * pg-boss queue (woken by LISTEN/NOTIFY, polling every 0.5 s as a fallback), one at a time per tenant
 * (the queue is `stately` per tenant), and retries failed builds and builds whose worker died (heartbeats).
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const dataSource = await createAppDataSource({
    url: config.database.url,
    poolSize: 3,
    applicationName: 'laman-site-worker',
  }).initialize();
  // Publishes build in a warm builder of their own; background rebuilds in BACKGROUND_BUILDS niced ones, the
  // first of which also builds the city portal, so neither holds up the page an editor is waiting for.
  const warm = new WarmBuilder();
  const background = backgroundBuilders();
  const database = new Database(dataSource);
  const builder = new SiteBuilder(database, config, warm, background);
  const portal = new PortalBuilder(database, background[0]!, config);
  const { PgBoss } = await import('pg-boss');
  const boss = new PgBoss({
    connectionString: config.database.url,
    schema: QUEUE_SCHEMA,
    migrate: false,
    schedule: false,
    useListenNotify: true,
    // Checks for jobs whose worker stopped sending heartbeats (a killed worker) every few seconds.
    monitorIntervalSeconds: 5,
    superviseIntervalSeconds: 5,
    max: 3,
  });
  boss.on('error', (error) => console.error('pg-boss:', error.message));
  await boss.start();
  // NOTIFY wakes the worker when a job is sent; after a build, the next waiting job (sent while this one
  // ran) is fetched within half a second rather than at pg-boss's relaxed 30-second backstop.
  const polling = {
    pollingIntervalSeconds: 0.5,
    notifyPollingIntervalSeconds: 0.5,
    batchSize: 1,
    includeMetadata: true,
  } as const;
  const metrics = new Metrics('worker');
  const builds = metrics.histogram({
    name: 'laman_site_build_duration_seconds',
    help: 'Site builds this worker ran: how many, how long, by kind (change, background, portal) and outcome',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
  });
  const fannedOut = metrics.counter({
    name: 'laman_rebuild_fanout_sites_total',
    help: 'Background rebuilds this worker queued from rebuild-all jobs',
  });
  const timed = async <T extends string>(kind: string, build: () => Promise<T>): Promise<T> => {
    const end = builds.startTimer({ kind });
    try {
      const outcome = await build();
      end({ outcome });
      return outcome;
    } catch (error) {
      end({ outcome: 'error' });
      throw error;
    }
  };
  const buildSite = async ([job]: Array<Job<SiteBuildJob>>) => {
    if (!job) return;
    const kind = job.data.background ? 'background' : 'change';
    const outcome = await timed(kind, () => builder.run(job.data, job.id, job.retryCount + 1));
    console.log(
      JSON.stringify({
        event: 'site-build',
        tenantId: job.data.tenantId,
        outcome,
        trigger: job.data.trigger,
      }),
    );
  };
  // Editors' changes have a worker of their own, so they never wait behind background rebuilds for a turn;
  // background rebuilds run BACKGROUND_BUILDS at once, one per background builder (the queue keeps one build
  // per OPD at a time).
  await boss.work<SiteBuildJob>(SITE_BUILD_QUEUE, { ...polling, minPriority: PRIORITY.change }, buildSite);
  await boss.work<SiteBuildJob>(
    SITE_BUILD_QUEUE,
    { ...polling, localConcurrency: BACKGROUND_BUILDS },
    buildSite,
  );
  await boss.work<PortalBuildJob>(PORTAL_BUILD_QUEUE, polling, async ([job]) => {
    if (!job) return;
    const outcome = await timed('portal', () => portal.run(job.data, job.id, job.retryCount + 1));
    console.log(JSON.stringify({ event: 'portal-build', outcome, trigger: job.data.trigger }));
  });
  // A rebuild of many sites arrives as one job: this worker queues the OPDs' builds a page at a time, and every
  // worker (this one included) builds them.
  const fanout = new RebuildFanout(database, boss);
  await boss.work<RebuildAllJob>(REBUILD_ALL_QUEUE, polling, async ([job]) => {
    if (!job) return;
    const queued = await fanout.run(job.data, job.id);
    fannedOut.inc(queued);
    console.log(JSON.stringify({ event: 'rebuild-all', queued }));
  });
  const metricsServer =
    config.metrics.port > 0
      ? await serveMetrics(metrics, {
          host: config.host,
          port: config.metrics.port,
          token: config.metrics.token,
        })
      : null;
  console.log('Site worker ready');

  const stop = async () => {
    metricsServer?.close();
    await boss.stop({ graceful: true, timeout: 20_000 });
    builder.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
