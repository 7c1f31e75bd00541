// Which pages a build must render. A detail page (a news article, a service, a profile page) depends only on
// its item and on what every page shows (the theme, the OPD's name and settings); a news archive page on its
// 20 items and its links (its items never move: see newsArchive); other list pages depend on everything. So a
// build renders those list pages, plus the detail and archive pages whose content changed; the rest are taken
// from the live build unchanged. Any change to the theme or the settings renders everything.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DETAIL_ROUTES, NEWS_ARCHIVE, newsArchive, newsArchiveHref, urgentNotices } from '@laman/shared';

/** Content types with a page per item, and where those pages live (one list, in @laman/shared). */
export { DETAIL_ROUTES };

const hash = (value) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

const filesUnder = (folder) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));

/**
 * A fingerprint of the theme's source, so a deployed theme change renders every page again: its own files and
 * the built code of @laman/shared it is bundled with (the menu, the page addresses, the PPID form's fields).
 */
export function themeVersion(siteRoot) {
  const digest = createHash('sha256');
  const shared = path.dirname(createRequire(path.join(siteRoot, 'package.json')).resolve('@laman/shared'));
  const files = [
    ...filesUnder(path.join(siteRoot, 'src')),
    ...filesUnder(path.join(siteRoot, 'public')),
    ...filesUnder(shared).filter((file) => file.endsWith('.js')),
    path.join(siteRoot, 'astro.config.mjs'),
    path.join(siteRoot, 'scripts', 'render-entry.mjs'),
    path.join(siteRoot, 'package.json'),
  ].sort();
  for (const file of files) digest.update(path.relative(siteRoot, file)).update(readFileSync(file));
  return digest.digest('base64url').slice(0, 22);
}

/** The keys of this snapshot: one for what every page shows, one per detail page. */
export function pageKeys(snapshot, theme, sitesDomain) {
  // The last-publish time shows on the home page only, which every build renders anyway.
  const { lastPublishedAt: _lastPublishedAt, ...tenant } = snapshot.tenant;
  const shared = hash(
    JSON.stringify({
      theme,
      sitesDomain,
      tenant,
      settings: snapshot.settings,
      profile: snapshot.profilePages,
      // Serta-merta announcements show on every page: a new or ended one renders them all.
      urgent: urgentNotices(snapshot.items).map(({ slug, title, validUntil }) => ({
        slug,
        title,
        validUntil,
      })),
    }),
  );
  const details = {};
  for (const item of snapshot.items) {
    const route = DETAIL_ROUTES[item.type];
    if (route)
      details[`/${route}/${item.slug}/`] = {
        type: item.type,
        slug: item.slug,
        key: itemKey(item),
      };
  }
  return { shared, details: { ...details, ...archiveKeys(snapshot, details) } };
}

/**
 * An item's key: everything about it, its body by digest only (`bodyDigest`), so a snapshot without bodies
 * (`?bodies=none`) keys a page exactly as the whole snapshot does.
 */
export function itemKey(item) {
  const { bodyHtml: _bodyHtml, ...fields } = item.fields ?? {};
  return hash(JSON.stringify({ ...item, fields }));
}

/** The news archive pages, keyed by their items and their links (the newest one's "newer" link moves). */
function archiveKeys(snapshot, details) {
  const news = snapshot.items.filter((item) => item.type === 'berita');
  const { pages } = newsArchive(news.length);
  const keys = {};
  for (const page of pages) {
    const items = news.slice(page.from, page.to).map((item) => details[`/berita/${item.slug}/`].key);
    keys[newsArchiveHref(page.number)] = {
      type: NEWS_ARCHIVE,
      slug: String(page.number),
      key: hash(JSON.stringify({ items, newest: page.number === pages.length })),
    };
  }
  return keys;
}

/**
 * @param previous the live build's manifest, or null
 * @param keys this snapshot's keys
 * @returns `render` (slugs per type, archive page numbers, to render; null = everything) and `reuse` (pages
 *   to take as they are)
 */
export function planRender(previous, keys) {
  if (!previous || previous.shared !== keys.shared) return { render: null, reuse: [] };
  const render = Object.fromEntries([...Object.keys(DETAIL_ROUTES), NEWS_ARCHIVE].map((kind) => [kind, []]));
  const reuse = [];
  for (const [page, detail] of Object.entries(keys.details)) {
    if (previous.details[page]?.key === detail.key) reuse.push(page);
    else render[detail.type].push(detail.slug);
  }
  return { render, reuse };
}
