import { NEWS_PAGE_SIZE, newsArchive } from '../news-archive.js';

/** The items of each page as positions counted from the oldest item (stable as news is added). */
function oldestFirst(count: number) {
  const { front, pages } = newsArchive(count);
  const positions = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, index) => count - 1 - (from + index));
  return {
    front: positions(0, front),
    pages: new Map(pages.map((page) => [page.number, positions(page.from, page.to)])),
  };
}

describe('the pages of the news list', () => {
  const counts = Array.from({ length: 301 }, (_, count) => count);

  it('shows every item exactly once: the newest on the front page, the rest in archive pages of 20', () => {
    for (const count of counts) {
      const { front, pages } = oldestFirst(count);
      const all = [...front, ...[...pages.values()].flat()].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: count }, (_, index) => index));
      for (const items of pages.values()) expect(items).toHaveLength(NEWS_PAGE_SIZE);
      if (count < 2 * NEWS_PAGE_SIZE) expect(front).toHaveLength(count);
      if (count >= NEWS_PAGE_SIZE) expect(front.length).toBeGreaterThanOrEqual(NEWS_PAGE_SIZE);
      expect(front.length).toBeLessThan(2 * NEWS_PAGE_SIZE);
    }
  });

  it('numbers archive pages from the oldest, so publishing one more item changes no archive page', () => {
    for (const count of counts) {
      const before = oldestFirst(count).pages;
      const after = oldestFirst(count + 1).pages;
      for (const [number, items] of before) expect(after.get(number)).toEqual(items);
      // At most one archive page appears, and it holds the oldest items the front page showed.
      expect(after.size - before.size).toBeLessThanOrEqual(1);
    }
  });

  it('lists each archive page newest first, page 1 holding the first 20 ever published', () => {
    const { pages } = newsArchive(65);
    expect(pages.map((page) => [page.number, page.from, page.to])).toEqual([
      [1, 45, 65],
      [2, 25, 45],
    ]);
    expect(newsArchive(65).front).toBe(25);
  });
});
