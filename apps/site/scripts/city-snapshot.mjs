// The city portal's data, read from the public API a page at a time (the directory and the service catalogue
// grow with the city; no single answer does): the front page, every OPD, every service and the transparency
// table, assembled into the one snapshot the portal's pages are rendered from (portal/lib/city.ts).
import { fetchPublic } from './build-snapshot.mjs';

const PAGE = 1000;
/** Reads of the whole city before one that saw it change midway is accepted (the change queues a rebuild). */
const ATTEMPTS = 3;

const json = async (api, route) => (await fetchPublic(api, route)).json();

/** Every item of a paged city list, and whether every page came from the city version `version`. */
async function allPages(api, route, version) {
  const items = [];
  let consistent = true;
  for (let offset = 0; ; offset += PAGE) {
    const page = await json(api, `${route}?limit=${PAGE}&offset=${offset}`);
    consistent &&= page.version === version;
    items.push(...page.items);
    if (page.items.length < PAGE || items.length >= page.total) return { items, consistent };
  }
}

/** One item per key: a page boundary that moved during a read can repeat an item. */
function unique(items, keyOf) {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}

/** @returns the city snapshot, and `consistent`: false when the city changed during every attempt */
export async function fetchCity(api) {
  for (let attempt = 1; ; attempt++) {
    const front = await json(api, 'city');
    const [tenants, services, transparency] = await Promise.all([
      allPages(api, 'city/opd', front.version),
      allPages(api, 'city/layanan', front.version),
      json(api, 'city/transparency'),
    ]);
    const consistent = tenants.consistent && services.consistent;
    if (!consistent && attempt < ATTEMPTS) continue;
    const city = {
      news: front.news,
      announcements: front.announcements,
      tenants: unique(tenants.items, (tenant) => tenant.slug),
      services: unique(services.items, (service) => `${service.tenant}/${service.slug}`).sort((a, b) =>
        a.title.localeCompare(b.title, 'id'),
      ),
      transparency,
    };
    return { city, consistent };
  }
}
