import Holidays from 'date-holidays';
import { type DayOff } from './working-calendar';

/**
 * Collective leave (cuti bersama) and the national holidays the library misses or dates differently, as set by
 * the joint ministerial decree (SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PAN-RB) for each year
 * Laman ships with. A year not listed has only the library's holidays until a platform admin enters the decree's
 * days (Pengaturan → Kalender kerja); an admin's entry also corrects a day listed here.
 */
export const DECREE_DAYS: Record<number, Array<Omit<DayOff, 'source'>>> = {
  2026: [
    { day: '2026-01-16', kind: 'holiday', name: "Isra Mi'raj Nabi Muhammad SAW" },
    { day: '2026-02-16', kind: 'collective_leave', name: 'Cuti bersama Tahun Baru Imlek' },
    { day: '2026-03-18', kind: 'collective_leave', name: 'Cuti bersama Hari Suci Nyepi' },
    { day: '2026-03-20', kind: 'collective_leave', name: 'Cuti bersama Idul Fitri 1447 H' },
    { day: '2026-03-21', kind: 'holiday', name: 'Hari Raya Idul Fitri 1447 H' },
    { day: '2026-03-22', kind: 'holiday', name: 'Hari Raya Idul Fitri 1447 H' },
    { day: '2026-03-23', kind: 'collective_leave', name: 'Cuti bersama Idul Fitri 1447 H' },
    { day: '2026-03-24', kind: 'collective_leave', name: 'Cuti bersama Idul Fitri 1447 H' },
    { day: '2026-05-15', kind: 'collective_leave', name: 'Cuti bersama Kenaikan Yesus Kristus' },
    { day: '2026-05-28', kind: 'collective_leave', name: 'Cuti bersama Idul Adha 1447 H' },
    { day: '2026-12-24', kind: 'collective_leave', name: 'Cuti bersama Hari Raya Natal' },
  ],
};

const library = new Holidays('ID');

/** The national public holidays of `year` as date-holidays knows them (dates in WIB). */
export function libraryHolidays(year: number): DayOff[] {
  return library
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({
      day: holiday.date.slice(0, 10),
      kind: 'holiday' as const,
      name: holiday.name,
      source: 'library' as const,
    }));
}

/** A year's shipped days off, worked out once per process: they change only with a new release. */
const shipped = new Map<number, readonly DayOff[]>();

/**
 * The days off of `year` before any admin correction: the decree's where it names a day, else the library's.
 * Computed once per year (date-holidays takes about 3 ms a year, and every PPID clock reads three years).
 */
export function shippedDaysOff(year: number): readonly DayOff[] {
  let days = shipped.get(year);
  if (!days) {
    const byDay = new Map<string, DayOff>(libraryHolidays(year).map((entry) => [entry.day, entry]));
    for (const entry of DECREE_DAYS[year] ?? []) byDay.set(entry.day, { ...entry, source: 'decree' });
    days = Object.freeze([...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)));
    shipped.set(year, days);
  }
  return days;
}
