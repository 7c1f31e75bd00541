import { formatTanggal } from '../dates.js';

describe('calendar days in Bahasa', () => {
  it('writes the weekday, day, month and year, whatever the server clock zone', () => {
    expect(formatTanggal('2026-03-23')).toBe('Senin, 23 Maret 2026');
    expect(formatTanggal('2026-12-31')).toBe('Kamis, 31 Desember 2026');
  });
});
