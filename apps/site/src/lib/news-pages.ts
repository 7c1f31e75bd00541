import { itemsOf, type Item, type Snapshot } from './snapshot';

export const NEWS_PAGE_SIZE = 20;

/** The news list is split into pages of 20: page 1 at /berita/, page n at /berita/halaman/n/. */
export function newsPage(snapshot: Snapshot, page: number): { items: Item[]; page: number; pages: number } {
  const news = itemsOf(snapshot, 'berita');
  const pages = Math.max(1, Math.ceil(news.length / NEWS_PAGE_SIZE));
  return { items: news.slice((page - 1) * NEWS_PAGE_SIZE, page * NEWS_PAGE_SIZE), page, pages };
}

export function newsPageHref(page: number): string {
  return page === 1 ? '/berita/' : `/berita/halaman/${page}/`;
}
