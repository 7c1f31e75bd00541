import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Job, type PgBoss } from 'pg-boss';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { type TenantTransaction } from '../../core/database/database.service';
import { WORDPRESS_IMPORT_QUEUE } from '../../core/queue/install-queue';
import { sendWithin, startApiBoss } from '../../core/queue/api-boss';

export interface ImportJob {
  tenantId: string;
  importId: string;
}

/**
 * The import queue (pg-boss in PostgreSQL): a queued import is a job sent in the transaction that records it, so
 * it exists exactly when the run does; one runs and one waits per OPD. The processes that do the platform's
 * background work (SCHEDULER_INTERVAL_SECONDS > 0: the scheduler in production, the one process of `pnpm
 * start`) take the jobs one at a time; a process that dies mid-import stops its heartbeats and the job is taken
 * up again elsewhere, where the import resumes.
 */
@Injectable()
export class ImportJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ImportJobs');
  private boss: PgBoss | undefined;
  private handler: ((job: ImportJob) => Promise<void>) | undefined;
  private working = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    this.boss = await startApiBoss(
      this.config.database.url,
      this.logger,
      this.config.schedulerIntervalSeconds > 0,
    );
    if (this.config.schedulerIntervalSeconds > 0 && this.handler) await this.work();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 }).catch(() => undefined);
  }

  /** What runs a job; set by the import service before the application starts. */
  handle(handler: (job: ImportJob) => Promise<void>): void {
    this.handler = handler;
  }

  /** Takes jobs from now on (the background role does at start; tests ask for it). */
  async work(): Promise<void> {
    if (this.working || !this.boss || !this.handler) return;
    this.working = true;
    const handler = this.handler;
    await this.boss.work<ImportJob>(
      WORDPRESS_IMPORT_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]: Array<Job<ImportJob>>) => {
        if (job) await handler(job.data);
      },
    );
  }

  /** Queues an import in the caller's transaction; false when one already waits for this OPD. */
  async send(tx: TenantTransaction, job: ImportJob): Promise<boolean> {
    if (!this.boss) throw new Error('ImportJobs used before the application started');
    const sent = await sendWithin(this.boss, tx, WORDPRESS_IMPORT_QUEUE, job, { singletonKey: job.tenantId });
    return sent.id !== null;
  }
}
