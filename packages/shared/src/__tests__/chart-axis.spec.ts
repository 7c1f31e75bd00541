import { valueAxis } from '../chart-axis.js';

describe('the value axis of a bar chart', () => {
  it('starts near the data when every value sits close to 100, and says it leaves out zero', () => {
    const axis = valueAxis([95, 96.5, 97, 98.2]);
    expect(axis.includesZero).toBe(false);
    expect(axis.min).toBeGreaterThan(80);
    expect(axis.min).toBeLessThan(95);
    expect(axis.max).toBeGreaterThanOrEqual(98.2);
    expect(axis.max).toBeLessThanOrEqual(100);
    expect(axis.ticks[0]).toBe(axis.min);
    expect(axis.ticks.at(-1)).toBe(axis.max);
  });

  it('starts at zero when the values spread widely', () => {
    expect(valueAxis([10, 250, 1250])).toEqual({
      min: 0,
      max: 1500,
      ticks: [0, 500, 1000, 1500],
      includesZero: true,
    });
  });

  it('uses round steps (1, 2, 2.5, 5 times a power of ten) without floating-point crumbs', () => {
    const axis = valueAxis([0.1, 0.7]);
    expect(axis.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    for (const values of [
      [3, 7],
      [12, 80],
      [1_000, 12_500],
      [0.03, 0.05],
      [99.1, 99.4],
    ]) {
      const { ticks } = valueAxis(values);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(8);
      expect([1, 2, 2.5, 5]).toContain(Number((step / 10 ** Math.floor(Math.log10(step))).toFixed(6)));
      expect(ticks.every((tick) => String(tick).length < 10)).toBe(true);
    }
  });

  it('keeps the smallest bar visible: the axis starts below the smallest value', () => {
    for (const values of [
      [95, 97],
      [99.1, 99.4],
      [500, 520],
    ]) {
      const axis = valueAxis(values);
      expect(axis.min).toBeLessThan(Math.min(...values));
    }
  });

  it('takes in negative values (a fall in a growth rate) with zero on the axis', () => {
    const axis = valueAxis([-2.5, 4, 6]);
    expect(axis.min).toBeLessThanOrEqual(-2.5);
    expect(axis.includesZero).toBe(true);
    expect(axis.ticks).toContain(0);
  });

  it('has a usable axis with no values or one value', () => {
    expect(valueAxis([]).max).toBeGreaterThan(0);
    const one = valueAxis([100]);
    expect(one.max).toBeGreaterThanOrEqual(100);
    expect(one.min).toBeLessThan(100);
    expect(valueAxis([0, 0]).max).toBeGreaterThan(0);
  });
});
