import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { wibDay } from '../../core/time/wib';
import { PeriodicService } from '../../core/scheduling/periodic-service';
import { TenantsRepository } from '../tenants/tenants.repository';
import { DAY_MS } from './completeness';
import { OversightService } from './oversight.service';
import { type ScorePoint, ScoreHistoryRepository } from './score-history.repository';

export interface CityTrend {
  days: string[];
  /** The average score of the OPDs scored that day. */
  city: Array<{ day: string; average: number; tenants: number }>;
  tenants: Array<{ slug: string; name: string; points: ScorePoint[] }>;
}

/**
 * Records each OPD's score for trend charts: whenever its public content changed (its content version moved)
 * and once a day, checked every SCHEDULER_INTERVAL_SECONDS. Several API instances may run it: a day's row is
 * upserted, so a repeat only rewrites the same value.
 */
@Injectable()
export class ScoreHistoryService extends PeriodicService<number> {
  private readonly history = new ScoreHistoryRepository();
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(OversightService) private readonly oversight: OversightService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('ScoreHistory', config.schedulerIntervalSeconds, db);
  }

  protected nothing(): number {
    return 0;
  }

  /** Scores every OPD that changed or is not scored today; returns how many were scored. */
  recordDue(now = new Date()): Promise<number> {
    return this.runPass(now);
  }

  protected async pass(now: Date): Promise<number> {
    const day = wibDay(now);
    const due = await this.db.inPlatform((manager) => this.history.due(manager, day));
    for (const tenant of due) {
      // The version is read before scoring: a change made meanwhile leaves the tenant due for the next pass.
      const scored = await this.oversight.forTenant(tenant.id, now);
      await this.db.inTenant(tenant.id, (tx) =>
        this.history.upsert(tx, {
          day,
          score: scored.score,
          band: scored.band,
          failedChecks: scored.checks.filter((check) => !check.met).map((check) => check.code),
          contentVersion: tenant.contentVersion,
        }),
      );
      await this.db.inPlatform((manager) =>
        this.history.markScored(manager, tenant.id, day, tenant.contentVersion),
      );
    }
    return due.length;
  }

  forTenant(tenantId: string, days: number, now = new Date()): Promise<ScorePoint[]> {
    return this.db.inTenant(tenantId, (tx) =>
      this.history.since(tx, wibDay(new Date(now.getTime() - (days - 1) * DAY_MS))),
    );
  }

  /** Every active OPD's series and the city's daily average, for the monitors' trend chart. */
  async city(days: number, now = new Date()): Promise<CityTrend> {
    const from = wibDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const active = await this.db.inPlatform((manager) => this.tenants.listActive(manager));
    const tenants: CityTrend['tenants'] = [];
    for (const tenant of active) {
      const points = await this.db.inTenant(tenant.id, (tx) => this.history.since(tx, from));
      tenants.push({ slug: tenant.slug, name: tenant.name, points });
    }
    const byDay = new Map<string, number[]>();
    for (const point of tenants.flatMap((tenant) => tenant.points))
      byDay.set(point.day, [...(byDay.get(point.day) ?? []), point.score]);
    const dayList = [...byDay.keys()].sort();
    return {
      days: dayList,
      city: dayList.map((day) => {
        const scores = byDay.get(day)!;
        return {
          day,
          average: Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10,
          tenants: scores.length,
        };
      }),
      tenants,
    };
  }
}
