import { type AppConfig } from '../../core/config/app-config';
import { Database } from '../../core/database/database.service';
import { QUEUE_SCHEMA, SITE_BUILD_QUEUE, type SiteBuildJob } from '../../core/queue/site-build-queue';
import { PlatformAlertsRepository } from './platform-alerts.repository';
import { BUILD_LOG_LIMIT, type BuilderRun, type Outcome, WarmBuilder } from './builder-process';
import { LocalSiteCache } from './local-site-cache';
import { SiteBuildsRepository } from './site-builds.repository';
import { type Publication, SitePointers } from './site-pointers';

/** Niceness of builders for background work (rebuilding every site), so editors' publishes and the API come first. */
export const BACKGROUND_NICENESS = 10;
/**
 * Background rebuilds a worker runs at once: two use both cores of a small host (40 OPDs × 100 items: 58 s
 * one at a time), while the niced builds leave the API and publishes first call on the CPU.
 */
export const BACKGROUND_BUILDS = 2;
export const SPAM_ALERT = 'site.build_held_spam';

/**
 * Runs one queued build: records it, runs the site builder (snapshot → astro build of what changed → search
 * index → checks → atomic swap; warm for publishes, a second, niced warm process for background rebuilds), and
 * records how it ended. A failure leaves the live site as it was and is thrown, so the
 * queue retries it. A build held for spam is not retried (the content must change first): platform admins
 * get an alert, and the tenant sees the reasons on the build record.
 */
export class SiteBuilder {
  private readonly builds = new SiteBuildsRepository();
  private readonly alerts = new PlatformAlertsRepository();
  /** Built sites in object storage (SITES_STORAGE=s3): this worker switches the OPD's pointer on going live. */
  private readonly pointers: SitePointers | null;
  /** With object storage, this worker's own site folders, kept to the most recently built few. */
  private readonly cache: LocalSiteCache | null;
  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
    /** For publishes: one warm builder process per worker, one build at a time. */
    private readonly warm = new WarmBuilder(),
    /**
     * Background rebuilds (every site after a theme change) in warm processes of their own at low CPU
     * priority (the first also builds the city portal): publishes and the API come first, forty sites do not
     * pay Node's start-up forty times, and two of them use both cores. Each stops after a minute without work.
     */
    private readonly background: WarmBuilder[] = backgroundBuilders(),
  ) {
    this.pointers = config.sites.store ? new SitePointers(config.sites.store) : null;
    this.cache = config.sites.store
      ? new LocalSiteCache(config.sites.dir, config.sites.localCacheSites)
      : null;
  }

  async run(job: SiteBuildJob, jobId: string, attempt: number): Promise<Outcome | 'skipped'> {
    const rows: Array<{ slug: string; name: string; status: string }> = await this.db.platformQuery(
      `SELECT slug, name, status FROM tenants WHERE id = $1`,
      [job.tenantId],
    );
    const tenant = rows[0];
    if (!tenant || tenant.status !== 'active') return 'skipped';
    const started = Date.now();
    const build = await this.db.inTenant(job.tenantId, async (tx) => {
      // A worker that died mid-build left its record open; this retry replaces it.
      await this.builds.update(
        tx,
        { jobId, status: 'building' },
        {
          status: 'failed',
          finishedAt: new Date(started),
          log: 'Pekerja build berhenti di tengah build; build diulang.',
        },
      );
      return this.builds.insert(tx, {
        status: 'building',
        trigger: job.trigger,
        jobId,
        attempt,
        startedAt: new Date(started),
        log: '',
      });
    });
    const request = {
      api: this.config.sites.apiUrl,
      tenant: tenant.slug,
      out: this.config.sites.dir,
      spamTerms: await this.db.platformQuery<{ kind: string; term: string }>(
        `SELECT kind, term FROM spam_terms ORDER BY created_at`,
      ),
      trustedHosts: [new URL(this.config.publicApiUrl).hostname],
      store: this.config.sites.store,
    };
    const lease = {
      mayGoLive: (publication?: Publication) => this.goLiveIfHeld(tenant.slug, jobId, attempt, publication),
    };
    const runBuilder = () =>
      job.background
        ? leastLoaded(this.background).build({ ...request, full: true }, lease)
        : this.warm.build(request, lease);
    const result = this.cache ? await this.cache.around(tenant.slug, runBuilder) : await runBuilder();
    // The alert changes before the build record does: whoever sees the build finished sees its alert too.
    await this.updateSpamAlert(job.tenantId, tenant, build.id, result);
    await this.db.inTenant(job.tenantId, async (tx) => {
      await this.builds.update(
        tx,
        { id: build.id },
        {
          status: result.outcome,
          finishedAt: new Date(),
          durationMs: Date.now() - started,
          buildMs: result.summary?.buildMs ?? null,
          pages: result.summary?.checks?.pages ?? null,
          checks: result.summary?.checks ?? null,
          output: result.outcome === 'live' ? (result.summary?.build ?? null) : null,
          log: result.log.slice(-BUILD_LOG_LIMIT),
        },
      );
      if (result.outcome === 'live') {
        // Everything that changed before this build started is now on the site.
        await tx.manager.query(
          `UPDATE site_change_events SET processed_at = now() WHERE tenant_id = $1 AND processed_at IS NULL AND created_at <= $2`,
          [tx.tenantId, new Date(started)],
        );
      }
    });
    if (result.outcome === 'failed')
      throw new Error(`Build of ${tenant.slug} failed: ${result.log.slice(-500)}`);
    return result.outcome;
  }

  /**
   * Whether this attempt still holds its job: pg-boss retries a job whose heartbeats stopped (a stalled or
   * killed worker), and then another worker builds the same site; this attempt must not go live after it.
   * With object storage, the OPD's pointer switches to the build in the same transaction, under the OPD's
   * pointer lock (a rollback or suspension meanwhile waits, and is not lost).
   */
  private goLiveIfHeld(
    slug: string,
    jobId: string,
    attempt: number,
    publication: Publication | undefined,
  ): Promise<boolean> {
    return this.db.inPlatform(async (manager) => {
      const rows: Array<{ state: string; retry_count: number }> = await manager.query(
        `SELECT state, retry_count FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = $2`,
        [SITE_BUILD_QUEUE, jobId],
      );
      if (rows[0]?.state !== 'active' || rows[0].retry_count !== attempt - 1) return false;
      if (this.pointers && publication) await this.pointers.publish(manager, slug, publication);
      return true;
    });
  }

  private updateSpamAlert(
    tenantId: string,
    tenant: { slug: string; name: string },
    buildId: string,
    result: BuilderRun,
  ): Promise<void> {
    return this.db.inPlatform(async (manager) => {
      if (result.outcome === 'live') return this.alerts.resolveForTenant(manager, tenantId, SPAM_ALERT);
      if (result.outcome !== 'held') return;
      const spam = result.summary?.checks?.spam ?? [];
      await this.alerts.raise(manager, {
        aboutTenantId: tenantId,
        kind: SPAM_ALERT,
        message:
          `Build situs ${tenant.name} ditahan: ${spam.length} temuan mirip spam judi online ` +
          `(mis. ${spam[0]?.page ?? '?'}: ${spam[0]?.reason ?? '?'}). Situs lama tetap tayang.`,
        details: { tenant: tenant.slug, buildId, spam },
      });
    });
  }

  /** Stops the warm builders (the worker is shutting down). */
  stop(): void {
    this.warm.stop();
    for (const builder of this.background) builder.stop();
  }
}

/** The site worker's background builders: as many as rebuilds it runs at once (BACKGROUND_BUILDS). */
export function backgroundBuilders(): WarmBuilder[] {
  return Array.from(
    { length: BACKGROUND_BUILDS },
    () => new WarmBuilder({ niceness: BACKGROUND_NICENESS, idleStopMs: 60_000 }),
  );
}

function leastLoaded(builders: WarmBuilder[]): WarmBuilder {
  return builders.reduce((best, builder) => (builder.load < best.load ? builder : best));
}
