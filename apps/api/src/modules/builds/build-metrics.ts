import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { Metrics } from '../../core/metrics/metrics';

/**
 * What the city's sites look like to an operator, read when scraped: active OPDs by their latest build's
 * outcome (a held or failed site keeps its previous build live, and needs someone), and open platform alerts.
 * Builds themselves (durations, outcomes) are counted by the site workers that run them.
 */
@Injectable()
export class BuildMetrics {
  constructor(@Inject(Metrics) metrics: Metrics, @Inject(Database) db: Database) {
    metrics.gauge({
      name: 'laman_sites_by_latest_build',
      help: "Active OPDs by their site's latest finished build: live, failed, held, or none yet",
      labelNames: ['status'] as const,
      async collect() {
        const rows = await db.platformQuery<{ status: string; n: number }>(
          `SELECT COALESCE(site_status, 'none') AS status, count(*)::int AS n FROM tenants
            WHERE status = 'active' GROUP BY 1`,
        );
        this.reset();
        for (const status of ['live', 'failed', 'held', 'none']) this.set({ status }, 0);
        for (const row of rows) this.set({ status: row.status }, row.n);
      },
    });
    metrics.gauge({
      name: 'laman_platform_alerts_open',
      help: 'Platform alerts not yet resolved (builds held for spam, and the like), by kind',
      labelNames: ['kind'] as const,
      async collect() {
        const rows = await db.platformQuery<{ kind: string; n: number }>(
          `SELECT kind, count(*)::int AS n FROM platform_alerts WHERE resolved_at IS NULL GROUP BY kind`,
        );
        this.reset();
        for (const row of rows) this.set({ kind: row.kind }, row.n);
      },
    });
  }
}
