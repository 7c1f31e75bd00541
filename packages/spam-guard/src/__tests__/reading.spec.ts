import { foldWord, readWords, skeleton } from '../reading.js';

describe('reading text like a person', () => {
  it.each([
    ['slot g\u200bacor', 'slot gacor'],
    ['gасor', 'gacor'],
    ['ｇａｃｏｒ', 'gacor'],
    ['𝐠𝐚𝐜𝐨𝐫', 'gacor'],
    ['g̶a̶c̶o̶r̶', 'gacor'],
  ])('sees %j as %j', (written, seen) => {
    expect(skeleton(written)).toBe(skeleton(seen));
  });

  it('folds digits and symbols inside words, keeps numbers', () => {
    expect(foldWord('g4c0r')).toBe('gacor');
    expect(foldWord('$lot88')).toBe('siot88');
    expect(foldWord('2026')).toBe('2026');
    expect(foldWord('daftar!')).toBe('daftar');
  });

  it('joins letters spaced out, and only three or more of them', () => {
    expect(readWords('s l o t sekarang')).toEqual(['siot', 'sekarang']);
    expect(readWords('RT 05 RW 03')).toEqual(['rt', '05', 'rw', '03']);
    expect(readWords('a b')).toEqual(['a', 'b']);
  });
});
