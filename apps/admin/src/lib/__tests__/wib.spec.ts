import { describe, expect, it } from '@jest/globals';
import { asWibWallClock, wibDateTime, wibDay } from '../wib';

describe('dates in WIB', () => {
  it('names the WIB day, which starts at 17:00 UTC', () => {
    expect(wibDay(new Date('2026-11-29T16:59:00Z'))).toBe('2026-11-29');
    expect(wibDay(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
  });

  it('writes times on the WIB clock', () => {
    expect(wibDateTime(new Date('2026-11-29T02:05:00Z'))).toBe('2026-11-29 09:05');
    expect(asWibWallClock(new Date('2026-11-29T02:05:00Z')).toISOString()).toBe('2026-11-29T09:05:00.000Z');
  });
});
