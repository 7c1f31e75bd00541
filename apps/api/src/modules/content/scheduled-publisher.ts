import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { PeriodicService } from '../../core/scheduling/periodic-service';
import { ContentItemsRepository } from './content.repositories';
import { PublishedContentRepository } from './published-content.repository';
import { PublishingService } from './publishing.service';
import { SiteChangesRepository } from '../site-changes/site-changes.repository';

export interface TickReport {
  published: number;
  timeBoundaries: number;
  failedTenants: number;
}

/**
 * Publishes scheduled items when their time comes and reports announcements that became valid or expired.
 * State lives in PostgreSQL, so it survives restarts; row locks (SKIP LOCKED) mean several API instances can
 * run it and each item still goes live once. Runs every SCHEDULER_INTERVAL_SECONDS (15 s: within a minute).
 */
@Injectable()
export class ScheduledPublisher extends PeriodicService<TickReport> {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ContentItemsRepository) private readonly items: ContentItemsRepository,
    @Inject(PublishedContentRepository) private readonly published: PublishedContentRepository,
    @Inject(PublishingService) private readonly publishing: PublishingService,
    @Inject(SiteChangesRepository) private readonly siteChanges: SiteChangesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('ScheduledPublisher', config.schedulerIntervalSeconds);
  }

  /** One pass over every active tenant. Safe to call concurrently (from tests, or several instances). */
  tick(now = new Date()): Promise<TickReport> {
    return this.runPass(now);
  }

  protected async pass(now: Date): Promise<TickReport> {
    const report: TickReport = { published: 0, timeBoundaries: 0, failedTenants: 0 };
    const tenants: Array<{ id: string; slug: string }> = await this.db.inPlatform((manager) =>
      manager.query(`SELECT id, slug FROM tenants WHERE status = 'active'`),
    );
    for (const { id, slug } of tenants) {
      try {
        await this.db.inTenant(id, async (tx) => {
          for (const itemId of await this.items.lockDue(tx, now, 100)) {
            if (await this.publishing.publishIfDue(tx, itemId, now, slug)) report.published++;
          }
          for (const boundary of await this.published.sweepTimeBoundaries(tx, now)) {
            await this.siteChanges.record(tx, boundary.kind, boundary);
            report.timeBoundaries++;
          }
        });
      } catch (error) {
        report.failedTenants++;
        this.logger.error({ err: error, tenantId: id }, 'Scheduled publishing failed for a tenant');
      }
    }
    if (report.published || report.timeBoundaries) this.logger.log(report, 'Scheduled publishing');
    return report;
  }
}
