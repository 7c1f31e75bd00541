// The snapshot a build renders from, and the plan of what it renders. Most builds render a handful of pages:
// they read the snapshot without bodies (`?bodies=none`; at 5,000 news items a quarter of its size, and the
// part the API spends longest on) and fetch, one item at a time, only the items whose pages they render. Each
// fetched item must be the one the outline describes (same key, which covers its body digest); if any is not
// (it changed or went meanwhile), the build reads the whole snapshot instead, so a page never shows a body
// the rest of the build did not see.
import { NEWS_ARCHIVE } from '@laman/shared';
import { itemKey, pageKeys, planRender } from './render-plan.mjs';

/** Above this many items to render, one whole snapshot costs less than the items one by one. */
const FETCH_ONE_BY_ONE = 24;

/**
 * @param {{ api: string, tenant: string, full: boolean, previous: object | null, theme: string,
 *   sitesDomain: string }} build
 * @returns {{ snapshot: object, keys: object, plan: { render: object | null, reuse: string[] }, read: string }}
 *   `read`: what was read, for the build's summary
 */
export async function snapshotToBuild({ api, tenant, full, previous, theme, sitesDomain }) {
  const whole = async () => {
    const snapshot = await fetchJson(api, `${tenant}/snapshot`);
    const keys = pageKeys(snapshot, theme, sitesDomain);
    // A full build renders every page (a theme change shows everywhere).
    const plan = full ? { render: null, reuse: [] } : planRender(previous, keys);
    return { snapshot, keys, plan, read: 'whole' };
  };
  if (full || !previous) return whole();
  const outline = await fetchJson(api, `${tenant}/snapshot?bodies=none`);
  const keys = pageKeys(outline, theme, sitesDomain);
  const plan = planRender(previous, keys);
  if (!plan.render) return whole();
  const wanted = Object.entries(plan.render)
    .filter(([kind]) => kind !== NEWS_ARCHIVE)
    .flatMap(([type, slugs]) => slugs.map((slug) => ({ type, slug })));
  if (wanted.length > FETCH_ONE_BY_ONE) return whole();
  const fetched = await Promise.all(
    wanted.map(({ type, slug }) =>
      fetchJson(api, `${tenant}/content/${type}/${encodeURIComponent(slug)}`).catch(() => null),
    ),
  );
  const byPage = new Map(outline.items.map((item, index) => [`${item.type}/${item.slug}`, index]));
  for (const item of fetched) {
    const index = item && byPage.get(`${item.type}/${item.slug}`);
    if (index === undefined || index === null || itemKey(outline.items[index]) !== itemKey(item))
      return whole();
    outline.items[index] = item;
  }
  return { snapshot: outline, keys, plan, read: `outline and ${fetched.length} items` };
}

async function fetchJson(api, route) {
  return (await fetchPublic(api, route)).json();
}

/** One answer of the public read API (`/api/v1/public/<route>`); a non-2xx answer fails the build. */
export async function fetchPublic(api, route) {
  const response = await fetch(`${api.replace(/\/$/, '')}/api/v1/public/${route}`, {
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
  return response;
}
