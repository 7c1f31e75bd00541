import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { withinBudget } from '../../core/scheduling/pass-budget';
import { PeriodicService } from '../../core/scheduling/periodic-service';
import { wibDay } from '../../core/time/wib';
import { AuditLog } from '../audit/audit-log.service';
import { InformationRequestsRepository } from './information-requests.repository';

const DAY_MS = 86_400_000;
/** OPDs a pass looks at, at most (it stops sooner when its time is up). */
const OPDS_PER_PASS = 500;

/**
 * Erases requesters' personal data once it is no longer needed (UU 27/2022): PPID_RETENTION_DAYS after the
 * request closed. Each OPD is visited once a day (`tenants.requests_retention_checked_on`), a few at a time on
 * one replica (PeriodicService); each erasure is audited on the OPD's log with how many requests it covered.
 */
@Injectable()
export class RequesterDataRetention extends PeriodicService<number> {
  private readonly requests = new InformationRequestsRepository();
  private readonly retentionDays: number;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('RequesterDataRetention', config.schedulerIntervalSeconds, db);
    this.retentionDays = config.ppidRetentionDays;
  }

  protected nothing(): number {
    return 0;
  }

  /** One pass (tests run them by hand, with their own clock): how many requests were erased. */
  sweep(now = new Date()): Promise<number> {
    return this.runPass(now);
  }

  protected async pass(now: Date): Promise<number> {
    const today = wibDay(now);
    const due: Array<{ id: string }> = await this.db.inPlatform((manager) =>
      manager.query(
        `SELECT id FROM tenants WHERE requests_retention_checked_on IS DISTINCT FROM $1::date
          ORDER BY requests_retention_checked_on NULLS FIRST, id LIMIT $2`,
        [today, OPDS_PER_PASS],
      ),
    );
    const closedBefore = new Date(now.getTime() - this.retentionDays * DAY_MS);
    let erased = 0;
    await withinBudget(due, ({ id }) =>
      this.db.inTenant(id, async (tx) => {
        const count = await this.requests.erasePersonalData(tx, closedBefore);
        if (count > 0)
          await this.audit.record(tx, {
            actorUserId: null,
            action: 'ppid.personal_data_erased',
            targetType: 'tenant',
            targetId: id,
            data: { requests: count, closedBefore: closedBefore.toISOString() },
          });
        await tx.manager.query(`UPDATE tenants SET requests_retention_checked_on = $2 WHERE id = $1`, [
          id,
          today,
        ]);
        erased += count;
      }),
    );
    return erased;
  }
}
