import { Inject, Injectable } from '@nestjs/common';
import { type Principal } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { type CalendarCorrection, CalendarDaysRepository } from './calendar-days.repository';
import { shippedDaysOff } from './holiday-sources';
import { type DayOff, WorkingCalendar } from './working-calendar';

/** How long a replica may count on a calendar it built before reading the corrections again. */
export const CALENDAR_KEEP_MS = 60_000;

export interface CalendarYear {
  year: number;
  /** Every day off that year (weekends aside), with where it comes from. */
  daysOff: DayOff[];
  /** Days a platform admin declared working although the shipped calendar has them off. */
  workingDays: Array<{ day: string; name: string }>;
}

/**
 * The working-day calendar the legal clocks count on: the shipped days off (date-holidays and the decrees in
 * `holiday-sources.ts`) with the platform admin's corrections over them. Each process keeps a calendar it built
 * for CALENDAR_KEEP_MS: every PPID desk read and request needs one, and the corrections behind it change a few
 * times a year. A correction clears this process's calendars at once; other replicas follow within that bound.
 */
@Injectable()
export class CalendarService {
  private readonly corrections = new CalendarDaysRepository();
  private readonly kept = new Map<string, { until: number; calendar: Promise<WorkingCalendar> }>();

  constructor(@Inject(Database) private readonly db: Database) {}

  /** The calendar of the years `fromYear`..`toYear` (a clock that may run past New Year asks for two). */
  calendar(fromYear: number, toYear = fromYear + 1): Promise<WorkingCalendar> {
    const key = `${fromYear}-${toYear}`;
    const now = Date.now();
    const kept = this.kept.get(key);
    if (kept && kept.until > now) return kept.calendar;
    const calendar = this.years(fromYear, toYear).then(
      (years) => new WorkingCalendar(years.flatMap((year) => year.daysOff)),
    );
    this.kept.set(key, { until: now + CALENDAR_KEEP_MS, calendar });
    calendar.catch(() => this.kept.delete(key));
    return calendar;
  }

  async year(year: number): Promise<CalendarYear> {
    return (await this.years(year, year))[0]!;
  }

  async correct(correction: CalendarCorrection, actor: Principal): Promise<CalendarYear> {
    await this.db.inPlatform((manager) => this.corrections.save(manager, correction, actor.userId));
    this.kept.clear();
    return this.year(Number(correction.day.slice(0, 4)));
  }

  async removeCorrection(day: string): Promise<CalendarYear> {
    const removed = await this.db.inPlatform((manager) => this.corrections.remove(manager, day));
    if (!removed) throw new DomainError('CALENDAR_DAY_NOT_FOUND', `Tanggal ${day} tidak punya koreksi`);
    this.kept.clear();
    return this.year(Number(day.slice(0, 4)));
  }

  private async years(fromYear: number, toYear: number): Promise<CalendarYear[]> {
    const corrections = await this.db.inPlatform((manager) =>
      this.corrections.between(manager, `${fromYear}-01-01`, `${toYear}-12-31`),
    );
    const result: CalendarYear[] = [];
    for (let year = fromYear; year <= toYear; year++) {
      const days = new Map(shippedDaysOff(year).map((entry) => [entry.day, entry]));
      const workingDays: CalendarYear['workingDays'] = [];
      for (const correction of corrections.filter((entry) => entry.day.startsWith(`${year}-`))) {
        if (correction.kind === 'working') {
          days.delete(correction.day);
          workingDays.push({ day: correction.day, name: correction.name });
        } else days.set(correction.day, { ...correction, kind: correction.kind, source: 'admin' });
      }
      const daysOff = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
      result.push({ year, daysOff, workingDays });
    }
    return result;
  }
}
