import { brandColorContrast, contrastRatio, DEFAULT_BRAND_COLOR, usableBrandColor } from '../contrast.js';

describe('brand colour contrast (WCAG 2.2)', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
  ])('contrast of %s on %s is %s:1', (first, second, expected) => {
    expect(contrastRatio(first, second)).toBeCloseTo(expected, 2);
  });

  it('rounds down, so a colour just under 4.5:1 is never shown as 4.5', () => {
    expect(brandColorContrast('#777777')).toBe(4.47);
    expect(brandColorContrast('#0b5394')).toBeGreaterThan(7);
  });

  it('keeps a dark enough brand colour and replaces a light or malformed one', () => {
    expect(usableBrandColor('#7b1fa2')).toBe('#7b1fa2');
    expect(usableBrandColor('#f1c232')).toBe(DEFAULT_BRAND_COLOR);
    expect(usableBrandColor('red')).toBe(DEFAULT_BRAND_COLOR);
    expect(usableBrandColor(undefined)).toBe(DEFAULT_BRAND_COLOR);
  });

  it('refuses something that is not a colour', () => {
    expect(() => contrastRatio('blue', '#ffffff')).toThrow(RangeError);
  });
});
