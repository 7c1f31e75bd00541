import { formatAngka, formatUkuran, parseAngka } from '../numbers.js';

const value = (text: string) => {
  const parsed = parseAngka(text);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('numbers as Indonesians write them', () => {
  it.each([
    ['1.250', 1250],
    ['12.500', 12500],
    ['12.500.000', 12_500_000],
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['0,125', 0.125],
    ['1,250', 1.25],
    ['85', 85],
    [' 1 250 ', 1250],
    ['-3,5', -3.5],
    ['−2', -2],
    ['0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['12.5', 'ambiguous'],
    ['1.25', 'ambiguous'],
    ['0.5', 'ambiguous'],
    ['1,250,000', 'ambiguous'],
    ['1,234.5', 'ambiguous'],
    ['1.23.4', 'not-a-number'],
    ['12.50.000', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['12,5%', 'not-a-number'],
    [',5', 'not-a-number'],
    ['', 'not-a-number'],
  ])('asks again for %j (%s), with a hint', (text, reason) => {
    const parsed = parseAngka(text);
    expect(parsed).toMatchObject({ ok: false, reason, hint: expect.any(String) });
  });

  it('shows numbers the Indonesian way, and what it shows reads back the same', () => {
    expect(formatAngka(1250)).toBe('1.250');
    expect(formatAngka(39.7)).toBe('39,7');
    expect(formatAngka(1234.5)).toBe('1.234,5');
    expect(formatAngka(2 / 3, { fractionDigits: 1 })).toBe('0,7');
    expect(formatAngka(2026, { grouping: false })).toBe('2026');
    expect(value(formatAngka(1234.5, { grouping: false }))).toBe(1234.5);
    for (const number of [0, 1250, 1234.5, 0.125, 12_500_000, -3.25, 99.99])
      expect(value(formatAngka(number))).toBe(number);
  });

  it('shows file sizes in KB and MB, never 0.0 MB', () => {
    expect(formatUkuran(300)).toBe('1 KB');
    expect(formatUkuran(22 * 1024)).toBe('22 KB');
    expect(formatUkuran(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });
});
