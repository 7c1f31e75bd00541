/** Why a day is not a working day, and who says so. */
export interface DayOff {
  day: string;
  kind: 'holiday' | 'collective_leave';
  name: string;
  /** `library`: date-holidays; `decree`: the joint ministerial decree as shipped; `admin`: a platform admin. */
  source: 'library' | 'decree' | 'admin';
}

const DAY_MS = 86_400_000;

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Working days as Indonesian government offices count them: Monday to Friday, less national holidays and
 * collective leave (cuti bersama). Days are calendar dates in WIB (`YYYY-MM-DD`). The legal clocks count from
 * the day after the event: an answer due "within 10 working days" of a request received on Friday is due on the
 * 10th working day after that Friday, whatever hour it came in.
 */
export class WorkingCalendar {
  private readonly off: Map<string, DayOff>;

  constructor(daysOff: DayOff[]) {
    this.off = new Map(daysOff.map((entry) => [entry.day, entry]));
  }

  isWorkingDay(day: string): boolean {
    return !isWeekend(day) && !this.off.has(day);
  }

  /** Why `day` is not a working day (a weekend has no entry), or undefined. */
  dayOff(day: string): DayOff | undefined {
    return this.off.get(day);
  }

  /** The `count`th working day after `from` (`count` ≥ 1). */
  addWorkingDays(from: string, count: number): string {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`count must be a positive integer: ${count}`);
    let day = from;
    for (let left = count; left > 0;) {
      day = nextDay(day);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = nextDay(from); day <= to; day = nextDay(day)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}
