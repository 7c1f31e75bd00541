import { dayBefore, wibDay } from '../wib';

describe('the city calendar (WIB)', () => {
  it('counts the day in WIB whatever the server’s zone', () => {
    expect(wibDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(wibDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it.each([
    ['2026-07-01', '2026-06-30'],
    ['2027-01-01', '2026-12-31'],
    ['2028-03-01', '2028-02-29'],
  ])('the day before %s is %s', (day, before) => {
    expect(dayBefore(day)).toBe(before);
  });
});
