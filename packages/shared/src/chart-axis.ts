/**
 * The value axis of a bar chart: round tick marks around the data. When every value sits high above zero
 * (a percentage between 92 and 98) the axis starts near the data instead of at zero, so the differences that
 * matter stay visible; `includesZero` false tells the chart to say so in words.
 */
export interface ValueAxis {
  min: number;
  max: number;
  ticks: number[];
  includesZero: boolean;
}

/** Below this share of the largest value, the spread is too small to read on a zero-based axis. */
const NARROW_SPREAD = 0.3;
const TARGET_TICKS = 4;

export function valueAxis(values: number[]): ValueAxis {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return withTicks(0, 1, 0.25);
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  if (low > 0 && (high - low) / high < NARROW_SPREAD) {
    const step = niceStep(Math.max(high - low, high * 0.02) / TARGET_TICKS);
    // One step below the smallest value, so its bar still has a visible length.
    const min = Math.max(0, Math.floor(low / step) * step - step);
    return withTicks(min, Math.ceil(high / step) * step, step);
  }
  const bottom = Math.min(0, low);
  const top = Math.max(0, high);
  const step = niceStep((top - bottom || 1) / TARGET_TICKS);
  return withTicks(Math.floor(bottom / step) * step, Math.ceil(top / step) * step || step, step);
}

/** 1, 2, 2.5 or 5 times a power of ten: steps people count in. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

function withTicks(min: number, max: number, step: number): ValueAxis {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const round = (value: number) => Number(value.toFixed(decimals));
  const ticks: number[] = [];
  for (let index = 0; round(min + index * step) <= max; index += 1) ticks.push(round(min + index * step));
  return { min: round(min), max: round(max), ticks, includesZero: round(min) <= 0 && round(max) >= 0 };
}
