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

/** OPDs scored per pass at most: a pass stays short however many are due (the rest go in the next passes). */
export const SCORES_PER_PASS = 200;

/**
 * Keeps each OPD's score (`site_scores`) and its history: an OPD is scored again when its public content changed
 * or when time alone moves its score (`nextChange`: an item crossing an age limit, a new month), checked every
 * SCHEDULER_INTERVAL_SECONDS on one replica at a time (PeriodicService). A pass visits only what is due,
 * through an index, so its cost follows changes, not the number of OPDs. The history has a row for each day an
 * OPD was scored; a day without one kept the score before it (the readers carry it forward).
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

  /** Scores the OPDs that are due (at most SCORES_PER_PASS); returns how many were scored. */
  recordDue(now = new Date()): Promise<number> {
    return this.runPass(now);
  }

  protected pass(now: Date): Promise<number> {
    return this.oversight.keepDue(now, SCORES_PER_PASS);
  }

  /** One point per day of the window from the OPD's first score on, each day's score carried forward. */
  async forTenant(tenantId: string, days: number, now = new Date()): Promise<ScorePoint[]> {
    const from = wibDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const points = await this.db.inTenant(tenantId, (tx) => this.history.since(tx, from));
    return daily(points, from, wibDay(now));
  }

  /** Every active OPD's series and the city's daily average, for the monitors' trend chart. */
  async city(days: number, now = new Date()): Promise<CityTrend> {
    const from = wibDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const active = await this.db.inPlatform((manager) => this.tenants.listActive(manager));
    const tenants: CityTrend['tenants'] = [];
    for (const tenant of active) {
      const points = await this.db.inTenant(tenant.id, (tx) => this.history.since(tx, from));
      tenants.push({ slug: tenant.slug, name: tenant.name, points: daily(points, from, wibDay(now)) });
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

/**
 * A day-by-day series from `from` (or the first score, if later) to `to`: each day shows the last score
 * recorded on or before it, since a score holds until it changes.
 */
export function daily(points: ScorePoint[], from: string, to: string): ScorePoint[] {
  const series: ScorePoint[] = [];
  let index = 0;
  let current: ScorePoint | null = null;
  for (let day = from; day <= to; day = nextDay(day)) {
    while (index < points.length && points[index]!.day <= day) current = points[index++]!;
    if (current) series.push({ ...current, day });
  }
  return series;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
