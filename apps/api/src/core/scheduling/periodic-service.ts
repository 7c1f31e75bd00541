import {
  Inject,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Database } from '../database/database.service';
import { Metrics } from '../metrics/metrics';

/**
 * A service whose pass the API runs every few seconds (scheduled publishing, score history, digests, mail).
 * Once per cluster: a pass holds a PostgreSQL advisory lock named after the service for as long as it runs, and
 * a replica that finds it taken skips its turn (with N replicas, N passes every interval used to overlap and
 * repeat each other's work). Never two at once in one process either. Shutdown waits for the pass that is
 * running; a failed pass is logged and the next one tries again. An interval of 0 runs nothing by itself: tests
 * run passes by hand, with their own clock.
 */
export abstract class PeriodicService<T> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;
  /** The process's metrics (absent where a service is built by hand, as in some tests). */
  @Optional() @Inject(Metrics) private readonly metrics?: Metrics;

  protected constructor(
    private readonly name: string,
    private readonly intervalSeconds: number,
    private readonly database: Database,
  ) {
    this.logger = new Logger(name);
  }

  protected abstract pass(now: Date): Promise<T>;

  /** What a pass that did nothing answers (another replica, or this process, is running one). */
  protected abstract nothing(now: Date): T;

  onApplicationBootstrap(): void {
    if (this.intervalSeconds <= 0) return;
    this.timer = setInterval(
      () => void this.runPass().catch((error) => this.logger.error({ err: error }, 'Periodic pass failed')),
      this.intervalSeconds * 1000,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  protected async runPass(now = new Date()): Promise<T> {
    if (this.running) return this.nothing(now);
    const timing = this.metrics
      ?.histogram({
        name: 'laman_periodic_pass_duration_seconds',
        help: 'Periodic passes this process ran (scheduled publishing, scores, digests, mail): how many, how long, by outcome',
        labelNames: ['pass', 'outcome'] as const,
        buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      })
      .startTimer({ pass: this.name });
    const run = this.database.inPlatform(async (manager) => {
      const rows: Array<{ mine: boolean }> = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS mine`,
        [periodicLockName(this.name)],
      );
      return rows[0]?.mine ? this.pass(now) : this.nothing(now);
    });
    this.running = run;
    try {
      const result = await run;
      timing?.({ outcome: 'ok' });
      return result;
    } catch (error) {
      timing?.({ outcome: 'failed' });
      throw error;
    } finally {
      this.running = undefined;
    }
  }
}

/** The advisory lock a periodic service's pass holds (PostgreSQL `hashtext` of this name). */
export function periodicLockName(service: string): string {
  return `laman-periodic:${service}`;
}
