import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { withinBudget } from '../../core/scheduling/pass-budget';
import { PeriodicService } from '../../core/scheduling/periodic-service';
import { ContentItemsRepository } from './content.repositories';
import { PublishedContentRepository } from './published-content.repository';
import { PublishingService } from './publishing.service';
import { SiteChangesRepository } from '../site-changes/site-changes.repository';

export interface TickReport {
  published: number;
  timeBoundaries: number;
  failedTenants: number;
  /** Due items that broke a publishing rule and went back to their authors as drafts. */
  returned: number;
  /** Due items that failed unexpectedly: left scheduled for the next pass. */
  failedItems: number;
  /** OPDs this pass worked on: only those with something due (`tenants.next_due_at`). */
  tenantsVisited: number;
}

/**
 * Publishes scheduled items when their time comes and reports announcements that became valid or expired.
 * State lives in PostgreSQL, so it survives restarts. A pass visits only the OPDs whose `next_due_at` has come
 * (kept by triggers as items are scheduled and announcements published; recomputed here after each OPD's
 * turn), so its cost follows what is due, not how many OPDs there are; one replica runs it at a time
 * (PeriodicService), and row locks (SKIP LOCKED) still make each item go live once if passes meet. Runs every
 * SCHEDULER_INTERVAL_SECONDS (15 s: within a minute).
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
    super('ScheduledPublisher', config.schedulerIntervalSeconds, db);
  }

  protected nothing(): TickReport {
    return {
      published: 0,
      timeBoundaries: 0,
      failedTenants: 0,
      tenantsVisited: 0,
      returned: 0,
      failedItems: 0,
    };
  }

  /** One pass over every active tenant. Safe to call concurrently (from tests, or several instances). */
  tick(now = new Date()): Promise<TickReport> {
    return this.runPass(now);
  }

  protected async pass(now: Date): Promise<TickReport> {
    const report = this.nothing();
    const tenants: Array<{ id: string; slug: string }> = await this.db.inPlatform((manager) =>
      manager.query(
        `SELECT id, slug FROM tenants WHERE status = 'active' AND next_due_at <= $1 ORDER BY next_due_at`,
        [now],
      ),
    );
    // The OPDs whose time came longest ago first; what the pass's turn leaves goes in the next pass.
    await withinBudget(tenants, async ({ id, slug }) => {
      report.tenantsVisited++;
      try {
        await this.db.inTenant(id, async (tx) => {
          for (const itemId of await this.items.lockDue(tx, now, 100))
            await this.publishOne(tx, itemId, now, slug, report);
          for (const boundary of await this.published.sweepTimeBoundaries(tx, now)) {
            await this.siteChanges.record(tx, boundary.kind, boundary);
            report.timeBoundaries++;
          }
          // What is left (more than 100 due, a later schedule, an announcement's end): the OPD's next turn.
          await tx.manager.query(`UPDATE tenants SET next_due_at = tenant_next_due($1) WHERE id = $1`, [id]);
        });
      } catch (error) {
        report.failedTenants++;
        this.logger.error({ err: error, tenantId: id }, 'Scheduled publishing failed for a tenant');
      }
    });
    if (report.published || report.timeBoundaries || report.returned)
      this.logger.log(report, 'Scheduled publishing');
    return report;
  }

  /**
   * One due item in a savepoint of its own, so it cannot take the OPD's other due items down with it: one that
   * breaks a publishing rule goes back to its author (`returnUnpublishable`); an unexpected error leaves it
   * scheduled for the next pass, and the rest of the OPD's work goes on.
   */
  private async publishOne(
    tx: TenantTransaction,
    itemId: string,
    now: Date,
    slug: string,
    report: TickReport,
  ): Promise<void> {
    await tx.manager.query('SAVEPOINT due_item');
    try {
      if (await this.publishing.publishIfDue(tx, itemId, now, slug)) report.published++;
      await tx.manager.query('RELEASE SAVEPOINT due_item');
    } catch (error) {
      await tx.manager.query('ROLLBACK TO SAVEPOINT due_item');
      if (!(error instanceof DomainError)) {
        report.failedItems++;
        this.logger.error(
          { err: error, tenantId: tx.tenantId, itemId },
          'A scheduled item failed to publish',
        );
        return;
      }
      await this.publishing.returnUnpublishable(tx, itemId, error);
      report.returned++;
    }
  }
}
