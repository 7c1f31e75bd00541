import { shippedDaysOff } from '../holiday-sources';
import { WorkingCalendar } from '../working-calendar';

/** Deadlines counted by hand on the 2026 calendar (SKB 2026: Nyepi, Idul Fitri, Kenaikan, Idul Adha leave). */
describe('the working-day calendar of the legal clocks', () => {
  const calendar = new WorkingCalendar([...shippedDaysOff(2026), ...shippedDaysOff(2027)]);

  it('skips weekends, national holidays and collective leave', () => {
    expect(calendar.isWorkingDay('2026-03-17')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(calendar.dayOff('2026-03-19')).toMatchObject({ kind: 'holiday' }); // Nyepi
    expect(calendar.dayOff('2026-03-23')).toMatchObject({ kind: 'collective_leave', source: 'decree' });
    // The decree names the day the library mislabels.
    expect(calendar.dayOff('2026-01-16')).toMatchObject({ name: "Isra Mi'raj Nabi Muhammad SAW" });
  });

  it('answers a request within 10 working days, and an extension by 7 more, across Lebaran and Easter', () => {
    // Received Wednesday 11 March: 12, 13, 16, 17, (18–24 Nyepi and Idul Fitri), 25, 26, 27, 30, 31, 1 April.
    const due = calendar.addWorkingDays('2026-03-11', 10);
    expect(due).toBe('2026-04-01');
    expect(calendar.workingDaysBetween('2026-03-11', due)).toBe(10);
    // Extended once: 2, (3 Good Friday), 6, 7, 8, 9, 10, 13 April.
    expect(calendar.addWorkingDays(due, 7)).toBe('2026-04-13');
  });

  it('gives an objection 30 working days past Ascension, Idul Adha, Pancasila and Islamic New Year', () => {
    expect(calendar.addWorkingDays('2026-05-11', 30)).toBe('2026-06-30');
  });

  it('runs over New Year with Christmas leave', () => {
    // 22, 23, (24 leave, 25 Christmas), 28, 29, 30, 31, (1 January), 4, (5 January), 6, 7, 8.
    expect(calendar.addWorkingDays('2026-12-21', 10)).toBe('2027-01-08');
  });

  it('counts a day the platform admin declared working', () => {
    const corrected = new WorkingCalendar(shippedDaysOff(2026).filter((entry) => entry.day !== '2026-03-20'));
    expect(corrected.addWorkingDays('2026-03-11', 10)).toBe('2026-03-31');
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => calendar.addWorkingDays('2026-03-11', 0)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-11', 1.5)).toThrow(RangeError);
  });
});
