/**
 * The city's calendar: Western Indonesia Time (UTC+7, no daylight saving). Deadlines, score days and digest
 * weeks are counted in it, whatever the server's time zone.
 */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** The WIB wall-clock reading of a moment, in a Date's UTC fields (getUTCFullYear, getUTCDay…). */
export const wibClock = (at: Date): Date => new Date(at.getTime() + WIB_OFFSET_MS);

/** The WIB calendar day of a moment, e.g. `2026-11-29`. */
export const wibDay = (at: Date): string => wibClock(at).toISOString().slice(0, 10);

/** The calendar day before `day` (`YYYY-MM-DD`), across month and year ends. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
