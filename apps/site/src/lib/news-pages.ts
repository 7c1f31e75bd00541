import { newsArchive, newsArchiveHref } from '@laman/shared';
import { itemsOf, tanggal, type Item, type Snapshot } from './snapshot';

/** One page of the news list: its items (newest first) and its links to newer and older news. */
export interface NewsListPage {
  heading: string;
  items: Item[];
  newer: string | null;
  older: string | null;
}

/** `/berita/`: the newest news, linking to the newest archive page. */
export function newsFront(snapshot: Snapshot): NewsListPage {
  const news = itemsOf(snapshot, 'berita');
  const { front, pages } = newsArchive(news.length);
  return {
    heading: 'Berita',
    items: news.slice(0, front),
    newer: null,
    older: pages.length > 0 ? newsArchiveHref(pages.length) : null,
  };
}

/** `/berita/halaman/<n>/`: 20 items that stay on this page for good (see newsArchive). */
export function newsArchivePage(snapshot: Snapshot, number: number): NewsListPage {
  const news = itemsOf(snapshot, 'berita');
  const { pages } = newsArchive(news.length);
  const page = pages[number - 1];
  if (!page) throw new Error(`no news archive page ${number}`);
  const items = news.slice(page.from, page.to);
  return {
    heading: `Arsip berita ${tanggal(items.at(-1)?.publishedAt)} – ${tanggal(items[0]?.publishedAt)}`,
    items,
    newer: number === pages.length ? '/berita/' : newsArchiveHref(number + 1),
    older: number > 1 ? newsArchiveHref(number - 1) : null,
  };
}

/** Every archive page's number. */
export function newsArchiveNumbers(snapshot: Snapshot): number[] {
  return newsArchive(itemsOf(snapshot, 'berita').length).pages.map((page) => page.number);
}
