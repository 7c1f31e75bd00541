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
/** The city portal shows every OPD's news and services: any site change rebuilds it too. */
export const PORTAL_BUILD_QUEUE = 'portal-build';
export const QUEUE_SCHEMA = 'pgboss';

export interface PortalBuildJob {
  trigger: string;
}

export interface SiteBuildJob {
  tenantId: string;
  trigger: string;
  /** Rebuilding every site after a theme change: lower queue priority and a niced builder. */
  background?: boolean;
}

/** Editors' changes go before background rebuilds (pg-boss fetches by priority, then age). */
export const PRIORITY = { change: 10, background: 0 };

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

  /** A portal build on its own (the portal is missing, e.g. after an upgrade); OPD changes send one anyway. */
  async enqueuePortal(trigger: string): Promise<void> {
    if (!this.boss) throw new Error('SiteBuildQueue used before the application started');
    const job: PortalBuildJob = { trigger };
    await this.boss.send(PORTAL_BUILD_QUEUE, job, { singletonKey: 'portal', priority: PRIORITY.change });
  }

  async enqueue(
    tx: TenantTransaction,
    trigger: string,
    options: { background?: boolean } = {},
  ): Promise<void> {
    if (!this.boss) throw new Error('SiteBuildQueue used before the application started');
    const client = (await tx.manager.queryRunner!.connect()) as {
      query(text: string, values?: unknown[]): Promise<unknown>;
    };
    const background = options.background === true;
    const job: SiteBuildJob = { tenantId: tx.tenantId, trigger, ...(background ? { background } : {}) };
    const priority = background ? PRIORITY.background : PRIORITY.change;
    const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) as never };
    await this.boss.send(SITE_BUILD_QUEUE, job, { singletonKey: tx.tenantId, priority, db });
    // One portal build waits at most (the queue is stately): a burst of publishes across OPDs builds it once.
    const portalJob: PortalBuildJob = { trigger };
    await this.boss.send(PORTAL_BUILD_QUEUE, portalJob, { singletonKey: 'portal', priority, db });
    // The queue keeps one waiting build per tenant: if a background rebuild is already waiting, this change
    // rides on it, so it takes this change's priority instead of waiting behind every other OPD.
    if (!background)
      await client.query(
        `UPDATE ${QUEUE_SCHEMA}.job SET priority = $3, data = data - 'background'
          WHERE name = $1 AND singleton_key = $2 AND state = 'created' AND priority < $3`,
        [SITE_BUILD_QUEUE, tx.tenantId, priority],
      );
  }
}
