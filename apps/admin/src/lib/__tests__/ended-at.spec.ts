import { describe, expect, it } from '@jest/globals';
import { endedAt } from '../content';

describe('when a published announcement stopped showing', () => {
  const now = new Date('2026-11-29T12:00:00Z'); // 19:00 WIB

  it('reads "berlaku sampai" as WIB and says the end once it has passed', () => {
    expect(endedAt({ validUntil: '2026-11-29T18:59' }, now)).toEqual(new Date('2026-11-29T11:59:00Z'));
    expect(endedAt({ validUntil: '2026-11-29T19:01' }, now)).toBeNull();
  });

  it('says nothing for items without an end, or with one it cannot read', () => {
    expect(endedAt({ title: 'Berita' }, now)).toBeNull();
    expect(endedAt({ validUntil: 'besok' }, now)).toBeNull();
    expect(endedAt(undefined, now)).toBeNull();
  });
});
