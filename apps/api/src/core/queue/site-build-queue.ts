import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type PgBoss } from 'pg-boss';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type TenantTransaction } from '../database/database.service';

export const SITE_BUILD_QUEUE = 'site-build';
export const QUEUE_SCHEMA = 'pgboss';

export interface SiteBuildJob {
  tenantId: string;
  trigger: string;
}

/**
 * Asks for a rebuild of a tenant's public site, through pg-boss in PostgreSQL, inside the caller's
 * transaction: the job exists exactly when the change commits. The queue is `stately` per tenant, so a burst
 * of changes leaves at most one waiting build (and at most one running) for each OPD.
 */
@Injectable()
export class SiteBuildQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SiteBuildQueue');
  private boss: PgBoss | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { PgBoss } = await import('pg-boss');
    this.boss = new PgBoss({
      connectionString: this.config.database.url,
      schema: QUEUE_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
      max: 2,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss error'));
    await this.boss.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: false, close: true }).catch(() => undefined);
  }

  async enqueue(tx: TenantTransaction, trigger: string): Promise<void> {
    if (!this.boss) throw new Error('SiteBuildQueue used before the application started');
    const client = (await tx.manager.queryRunner!.connect()) as {
      query(text: string, values?: unknown[]): Promise<unknown>;
    };
    const job: SiteBuildJob = { tenantId: tx.tenantId, trigger };
    await this.boss.send(SITE_BUILD_QUEUE, job, {
      singletonKey: tx.tenantId,
      db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) as never },
    });
  }
}
