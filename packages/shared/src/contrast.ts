/**
 * The brand colour is the header background behind white text and the colour of links on white, so it
 * must reach WCAG 2.2 AA contrast (4.5:1) against white.
 */
export const BRAND_MIN_CONTRAST = 4.5;
export const DEFAULT_BRAND_COLOR = '#0b5394';
const HEX = /^#([0-9a-f]{6})$/i;

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const digits = HEX.exec(hex)?.[1];
  if (!digits) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((at) => channel(parseInt(digits.slice(at, at + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Contrast of a brand colour against white, rounded down to two decimals (so 4.499 never shows as 4.5). */
export function brandColorContrast(hex: string): number {
  return Math.floor(contrastRatio(hex, '#ffffff') * 100) / 100;
}

/** The brand colour if it is a valid colour with enough contrast, else the default. */
export function usableBrandColor(hex: string | null | undefined): string {
  return hex && HEX.test(hex) && brandColorContrast(hex) >= BRAND_MIN_CONTRAST ? hex : DEFAULT_BRAND_COLOR;
}
