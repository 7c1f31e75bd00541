import { daily } from '../score-history.service';

describe('the score trend, day by day (daily)', () => {
  const point = (day: string, score: number) => ({
    day,
    score,
    band: score >= 60 ? 'cukup_informatif' : 'kurang_informatif',
  });

  it('carries each score forward until the next one, from the window start or the first score', () => {
    const points = [point('2026-11-20', 50), point('2026-11-26', 70), point('2026-11-28', 65)];
    expect(daily(points, '2026-11-25', '2026-11-30').map(({ day, score }) => `${day} ${score}`)).toEqual([
      '2026-11-25 50',
      '2026-11-26 70',
      '2026-11-27 70',
      '2026-11-28 65',
      '2026-11-29 65',
      '2026-11-30 65',
    ]);
    expect(daily(points.slice(1), '2026-11-25', '2026-11-27').map(({ day }) => day)).toEqual([
      '2026-11-26',
      '2026-11-27',
    ]);
  });

  it('crosses month and year ends, and shows nothing before the first score', () => {
    expect(daily([point('2026-12-31', 80)], '2026-12-30', '2027-01-01').map(({ day }) => day)).toEqual([
      '2026-12-31',
      '2027-01-01',
    ]);
    expect(daily([], '2026-11-01', '2026-11-30')).toEqual([]);
  });
});
