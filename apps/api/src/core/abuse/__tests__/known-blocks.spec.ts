import { KnownBlocks } from '../known-blocks';

describe('blocks remembered by one process', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('refuses until a second before the block the store answered ends, then forgets it', () => {
    const blocks = new KnownBlocks(10, clock);
    expect(blocks.remaining('opd:a')).toBe(0);
    blocks.remember('opd:a', 60);
    expect(blocks.remaining('opd:a')).toBe(60);
    now += 58_500;
    expect(blocks.remaining('opd:a')).toBe(2);
    now += 500;
    expect(blocks.remaining('opd:a')).toBe(0);
    expect(blocks.remaining('opd:b')).toBe(0);
  });

  it('never remembers a block of a second or less (the store rounds up: it may already be over)', () => {
    const blocks = new KnownBlocks(10, clock);
    blocks.remember('client:x', 1);
    expect(blocks.remaining('client:x')).toBe(0);
  });

  it('stays within its capacity: ended blocks go first, then the oldest', () => {
    const blocks = new KnownBlocks(2, clock);
    blocks.remember('short', 2);
    blocks.remember('long', 600);
    now += 1_500;
    blocks.remember('new', 600);
    expect([blocks.remaining('short'), blocks.remaining('long') > 0, blocks.remaining('new') > 0]).toEqual([
      0,
      true,
      true,
    ]);
    blocks.remember('newest', 600);
    expect(blocks.remaining('long')).toBe(0);
    expect(blocks.remaining('newest')).toBeGreaterThan(0);
  });
});
