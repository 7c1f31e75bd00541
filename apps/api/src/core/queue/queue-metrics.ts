import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { Metrics } from '../metrics/metrics';
import { QUEUE_SCHEMA } from './queue-schema';

interface QueueRow {
  name: string;
  waiting: number;
  running: number;
  oldest: number;
}

/**
 * Every pg-boss queue's depth, read from the database when scraped (any API replica reports the cluster's one
 * truth): jobs waiting and running, and how long the oldest one that may start has waited — a backlog of
 * builds or imports, or workers that stopped taking them.
 */
@Injectable()
export class QueueMetrics {
  constructor(@Inject(Metrics) metrics: Metrics, @Inject(Database) db: Database) {
    const read = () =>
      db.platformQuery<QueueRow>(
        `SELECT q.name,
                count(j.id) FILTER (WHERE j.state IN ('created', 'retry'))::int AS waiting,
                count(j.id) FILTER (WHERE j.state = 'active')::int AS running,
                COALESCE(extract(epoch FROM now() - min(j.created_on)
                  FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now())), 0)::float AS oldest
           FROM ${QUEUE_SCHEMA}.queue q
           LEFT JOIN ${QUEUE_SCHEMA}.job j ON j.name = q.name AND j.state < 'completed'
          GROUP BY q.name`,
      );
    metrics.gauge({
      name: 'laman_queue_jobs',
      help: 'Jobs in each queue: waiting (created or to retry) and running',
      labelNames: ['queue', 'state'] as const,
      async collect() {
        this.reset();
        for (const row of await read()) {
          this.set({ queue: row.name, state: 'waiting' }, row.waiting);
          this.set({ queue: row.name, state: 'running' }, row.running);
        }
      },
    });
    metrics.gauge({
      name: 'laman_queue_oldest_waiting_seconds',
      help: 'How long the oldest job that may start has waited in each queue (0: none waiting)',
      labelNames: ['queue'] as const,
      async collect() {
        this.reset();
        for (const row of await read()) this.set({ queue: row.name }, row.oldest);
      },
    });
  }
}
