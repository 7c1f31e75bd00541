import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { wibDay } from '../../core/time/wib';
import { PeriodicService } from '../../core/scheduling/periodic-service';
import { TenantsRepository } from '../tenants/tenants.repository';
import { DAY_MS } from './completeness';
import { OversightService } from './oversight.service';
import { type CityDay, CityScoreDaysRepository } from './city-score-days.repository';
import { type ScorePoint, ScoreHistoryRepository } from './score-history.repository';

export interface CityTrend {
  days: string[];
  /** The average score of the active OPDs, day by day. */
  city: CityDay[];
  /** The series of the OPDs asked for (a page of the dashboard, not all of a country's). */
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
  private readonly cityDays = new CityScoreDaysRepository();

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

  /** Scores what is due, then the city's average of the day, if any score moved since it was written. */
  protected async pass(now: Date): Promise<number> {
    const scored = await this.oversight.keepDue(now, SCORES_PER_PASS);
    await this.db.inPlatform((manager) => this.cityDays.refresh(manager, wibDay(now)));
    return scored;
  }

  /** One point per day of the window from the OPD's first score on, each day's score carried forward. */
  async forTenant(tenantId: string, days: number, now = new Date()): Promise<ScorePoint[]> {
    const from = wibDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const points = await this.db.inTenant(tenantId, (tx) => this.history.since(tx, from));
    return daily(points, from, wibDay(now));
  }

  /** The city's daily average, and the series of the active OPDs named (by slug), for the trend charts. */
  async city(days: number, slugs: string[] = [], now = new Date()): Promise<CityTrend> {
    const from = wibDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const to = wibDay(now);
    const { city, named } = await this.db.inPlatform(async (manager) => ({
      city: daily(await this.cityDays.since(manager, from), from, to),
      named: await this.tenants.findActiveBySlugs(manager, [...new Set(slugs)]),
    }));
    const tenants: CityTrend['tenants'] = [];
    for (const tenant of named) {
      const points = await this.db.inTenant(tenant.id, (tx) => this.history.since(tx, from));
      tenants.push({ slug: tenant.slug, name: tenant.name, points: daily(points, from, to) });
    }
    return { days: city.map((point) => point.day), city, tenants };
  }
}

/**
 * A day-by-day series from `from` (or the first score, if later) to `to`: each day shows the last score
 * recorded on or before it, since a score holds until it changes.
 */
export function daily<P extends { day: string }>(points: P[], from: string, to: string): P[] {
  const series: P[] = [];
  let index = 0;
  let current: P | null = null;
  for (let day = from; day <= to; day = nextDay(day)) {
    while (index < points.length && points[index]!.day <= day) current = points[index++]!;
    if (current) series.push({ ...current, day });
  }
  return series;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
