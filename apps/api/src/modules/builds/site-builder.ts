import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';
import { type AppConfig } from '../../core/config/app-config';
import { Database } from '../../core/database/database.service';
import { type SiteBuildJob } from '../../core/queue/site-build-queue';
import { PlatformAlertsRepository } from './platform-alerts.repository';
import { type SiteChecks } from './site-build.entity';
import { SiteBuildsRepository } from './site-builds.repository';

const BUILDER = path.resolve(__dirname, '../../../../site/scripts/build-site.mjs');
const LOG_LIMIT = 8_000;
/** The builder's exit code when the checks found spam: the build is held, the live site unchanged. */
const HELD_EXIT_CODE = 3;
/** Niceness of builders for background work (rebuilding every site), so editors' publishes and the API come first. */
const BACKGROUND_NICENESS = 10;
export const SPAM_ALERT = 'site.build_held_spam';

type Outcome = 'live' | 'failed' | 'held';

interface BuilderRun {
  outcome: Outcome;
  output: string;
  summary: { build?: string; buildMs?: number; checks?: SiteChecks } | null;
}

/**
 * Runs one queued build: records it, runs the site builder (snapshot → astro build → search index → checks
 * → atomic swap), and records how it ended. A failure leaves the live site as it was and is thrown, so the
 * queue retries it. A build held for spam is not retried (the content must change first): platform admins
 * get an alert, and the tenant sees the reasons on the build record.
 */
export class SiteBuilder {
  private readonly builds = new SiteBuildsRepository();
  private readonly alerts = new PlatformAlertsRepository();

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

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
    const result = await this.runBuilder(tenant.slug, job.background === true);
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
          log: result.output.slice(-LOG_LIMIT),
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
    await this.updateSpamAlert(job.tenantId, tenant, build.id, result);
    if (result.outcome === 'failed')
      throw new Error(`Build of ${tenant.slug} failed: ${result.output.slice(-500)}`);
    return result.outcome;
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

  private runBuilder(slug: string, background: boolean): Promise<BuilderRun> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [BUILDER, '--api', this.config.sites.apiUrl, '--tenant', slug, '--out', this.config.sites.dir],
        // The IPC channel closes if this worker dies, and the builder then stops: no orphan swaps a site later.
        { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], timeout: 10 * 60_000 },
      );
      if (background && child.pid) setPriority(child.pid, BACKGROUND_NICENESS);
      let output = '';
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => {
        const line = output
          .trim()
          .split('\n')
          .reverse()
          .find((candidate) => candidate.startsWith('{'));
        const outcome: Outcome = code === 0 ? 'live' : code === HELD_EXIT_CODE ? 'held' : 'failed';
        resolve({ outcome, output, summary: line ? (JSON.parse(line) as BuilderRun['summary']) : null });
      });
    });
  }
}
