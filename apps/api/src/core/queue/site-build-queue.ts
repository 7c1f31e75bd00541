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
import { sendWithin, startApiBoss } from './api-boss';
import { QUEUE_SCHEMA } from './queue-schema';

export const SITE_BUILD_QUEUE = 'site-build';
/** The city portal shows every OPD's news and services: any site change rebuilds it too. */
export const PORTAL_BUILD_QUEUE = 'portal-build';
/**
 * "Rebuild these sites" as one job: the request that asks stays one statement however many OPDs there are, and
 * the worker that takes it queues their builds a page at a time (modules/builds/rebuild-fanout.ts).
 */
export const REBUILD_ALL_QUEUE = 'site-rebuild-all';
export { QUEUE_SCHEMA };

export interface RebuildAllJob {
  /** The OPDs' slugs, or null for every active OPD. */
  only: string[] | null;
  actorUserId: string | null;
  /** The last tenant id queued so far: a retried job carries on after it. */
  after: string | null;
}

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
    this.boss = await startApiBoss(this.config.database.url, this.logger);
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

  /** Asks a worker to queue background rebuilds of these OPDs (or every active one), a page at a time. */
  async enqueueRebuildAll(only: string[] | null, actorUserId: string | null): Promise<void> {
    if (!this.boss) throw new Error('SiteBuildQueue used before the application started');
    const job: RebuildAllJob = { only, actorUserId, after: null };
    await this.boss.send(REBUILD_ALL_QUEUE, job, { priority: PRIORITY.change });
  }

  async enqueue(
    tx: TenantTransaction,
    trigger: string,
    options: { background?: boolean } = {},
  ): Promise<void> {
    if (!this.boss) throw new Error('SiteBuildQueue used before the application started');
    const background = options.background === true;
    const job: SiteBuildJob = { tenantId: tx.tenantId, trigger, ...(background ? { background } : {}) };
    const priority = background ? PRIORITY.background : PRIORITY.change;
    const client = await sendWithin(this.boss, tx, SITE_BUILD_QUEUE, job, {
      singletonKey: tx.tenantId,
      priority,
    });
    // One portal build waits at most (the queue is stately): a burst of publishes across OPDs builds it once.
    const portalJob: PortalBuildJob = { trigger };
    await sendWithin(this.boss, tx, PORTAL_BUILD_QUEUE, portalJob, { singletonKey: 'portal', priority });
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
