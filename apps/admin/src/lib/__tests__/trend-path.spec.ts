import { describe, expect, it } from '@jest/globals';
import { trendPath } from '../oversight';

describe('the score trend chart', () => {
  it('spreads points by date across the width, 100 at the top and 0 at the bottom', () => {
    const { line, dots } = trendPath(
      [
        { day: '2026-11-01', value: 100 },
        { day: '2026-11-03', value: 50 },
        { day: '2026-11-11', value: 0 },
      ],
      300,
      80,
    );
    expect(dots).toEqual([
      { x: 0, y: 0 },
      { x: 60, y: 40 },
      { x: 300, y: 80 },
    ]);
    expect(line).toBe('0,0 60,40 300,80');
  });

  it('centres a single day and draws nothing without history', () => {
    expect(trendPath([{ day: '2026-11-29', value: 45 }], 300, 80).dots).toEqual([{ x: 150, y: 44 }]);
    expect(trendPath([], 300, 80)).toEqual({ line: '', dots: [] });
  });
});
