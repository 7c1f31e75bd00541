import { spawn } from 'node:child_process';
import path from 'node:path';
import { type AppConfig } from '../../core/config/app-config';
import { Database } from '../../core/database/database.service';
import { type SiteBuildJob } from '../../core/queue/site-build-queue';
import { SiteBuildsRepository } from './site-builds.repository';

const BUILDER = path.resolve(__dirname, '../../../../site/scripts/build-site.mjs');
const LOG_LIMIT = 8_000;

interface BuilderRun {
  ok: boolean;
  output: string;
  buildMs: number | null;
}

/**
 * Runs one queued build: records it, runs the site builder (snapshot → astro build → atomic swap), and
 * records how it ended. A failure leaves the live site as it was and is thrown, so the queue retries it.
 */
export class SiteBuilder {
  private readonly builds = new SiteBuildsRepository();

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  async run(job: SiteBuildJob, jobId: string, attempt: number): Promise<'live' | 'skipped'> {
    const rows: Array<{ slug: string; status: string }> = await this.db.platformQuery(
      `SELECT slug, status FROM tenants WHERE id = $1`,
      [job.tenantId],
    );
    const tenant = rows[0];
    if (!tenant || tenant.status !== 'active') return 'skipped';
    const started = Date.now();
    const build = await this.db.inTenant(job.tenantId, (tx) =>
      this.builds.insert(tx, {
        status: 'building',
        trigger: job.trigger,
        jobId,
        attempt,
        startedAt: new Date(started),
        log: '',
      }),
    );
    const result = await this.runBuilder(tenant.slug);
    await this.db.inTenant(job.tenantId, async (tx) => {
      await this.builds.update(
        tx,
        { id: build.id },
        {
          status: result.ok ? 'live' : 'failed',
          finishedAt: new Date(),
          durationMs: Date.now() - started,
          buildMs: result.buildMs,
          log: result.output.slice(-LOG_LIMIT),
        },
      );
      if (result.ok) {
        // Everything that changed before this build started is now on the site.
        await tx.manager.query(
          `UPDATE site_change_events SET processed_at = now() WHERE tenant_id = $1 AND processed_at IS NULL AND created_at <= $2`,
          [tx.tenantId, new Date(started)],
        );
      }
    });
    if (!result.ok) throw new Error(`Build of ${tenant.slug} failed: ${result.output.slice(-500)}`);
    return 'live';
  }

  private runBuilder(slug: string): Promise<BuilderRun> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [BUILDER, '--api', this.config.sites.apiUrl, '--tenant', slug, '--out', this.config.sites.dir],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 10 * 60_000,
        },
      );
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => {
        const summary = output
          .trim()
          .split('\n')
          .reverse()
          .find((line) => line.startsWith('{'));
        const buildMs = summary ? ((JSON.parse(summary) as { buildMs?: number }).buildMs ?? null) : null;
        resolve({ ok: code === 0, output, buildMs });
      });
    });
  }
}
