/** News items per archive page. */
export const NEWS_PAGE_SIZE = 20;

/** The render plan's name for the news archive pages (`/berita/halaman/<n>/`). */
export const NEWS_ARCHIVE = 'arsip-berita';

/** One archive page: its number and its items as positions in the newest-first news list, `[from, to)`. */
export interface NewsArchivePage {
  number: number;
  from: number;
  to: number;
}

/**
 * How an OPD's news list is split into pages. Archive pages hold fixed blocks of 20 counted from the oldest
 * item (page 1 holds the first 20 ever published), so a publish leaves every archive page as it was and a
 * build renders only the front page (`/berita/`), which holds the rest: the newest 20 to 39 items. Every 20th
 * item moves the oldest 20 of the front page into a new archive page.
 *
 * @param count how many news items are published
 */
export function newsArchive(count: number): { front: number; pages: NewsArchivePage[] } {
  const archived = Math.max(0, Math.floor(count / NEWS_PAGE_SIZE) - 1);
  const pages = Array.from({ length: archived }, (_, index) => ({
    number: index + 1,
    from: count - (index + 1) * NEWS_PAGE_SIZE,
    to: count - index * NEWS_PAGE_SIZE,
  }));
  return { front: count - archived * NEWS_PAGE_SIZE, pages };
}

export function newsArchiveHref(page: number): string {
  return `/berita/halaman/${page}/`;
}
