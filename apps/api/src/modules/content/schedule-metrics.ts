import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { Metrics } from '../../core/metrics/metrics';

/**
 * How late scheduled publishing runs, read when scraped: how long the most overdue OPD's due item (scheduled
 * publish or announcement expiry, `tenants.next_due_at`) has waited past its moment. A few seconds is the pass
 * interval; minutes mean no process is doing the periodic work.
 */
@Injectable()
export class ScheduleMetrics {
  constructor(@Inject(Metrics) metrics: Metrics, @Inject(Database) db: Database) {
    metrics.gauge({
      name: 'laman_scheduler_lag_seconds',
      help: 'How long the most overdue scheduled change (publish, expiry) has waited past its moment (0: none)',
      async collect() {
        const [row] = await db.platformQuery<{ lag: number }>(
          `SELECT COALESCE(extract(epoch FROM now() - min(next_due_at)), 0)::float AS lag FROM tenants
            WHERE status = 'active' AND next_due_at <= now()`,
        );
        this.set(row?.lag ?? 0);
      },
    });
  }
}
