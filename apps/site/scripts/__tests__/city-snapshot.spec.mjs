import { createServer } from 'node:http';
import { fetchCity } from '../city-snapshot.mjs';

/**
 * A stand-in for the public read API's city routes: `versionOf(url, requests so far)` says which city version
 * each answer was built from, so a change between page reads can be staged.
 */
function cityApi({ tenants, services, versionOf = () => 'v1' }) {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(request.url);
    const url = new URL(request.url, 'http://api');
    const version = versionOf(request.url, requests);
    const route = url.pathname.replace('/api/v1/public/', '');
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    const page = (all) => ({ version, items: all.slice(offset, offset + limit), total: all.length });
    const body = {
      city: { version, news: [], announcements: [], totals: {} },
      'city/opd': () => page(tenants),
      'city/layanan': () => page(services),
      'city/transparency': [],
    }[route];
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(typeof body === 'function' ? body() : body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, requests, server }),
    ),
  );
}

const tenantsOf = (count) => Array.from({ length: count }, (_, index) => ({ slug: `opd-${index}` }));
const servicesOf = (count) =>
  Array.from({ length: count }, (_, index) => ({
    tenant: `opd-${index}`,
    slug: 'izin',
    title: `Layanan ${String(count - index).padStart(5, '0')}`,
  }));

describe('the city snapshot the portal is built from', () => {
  let api;
  afterEach(() => api?.server.close());

  it('reads every page of the directory and the catalogue, and sorts the catalogue by title', async () => {
    api = await cityApi({ tenants: tenantsOf(2500), services: servicesOf(1200) });
    const { city, consistent } = await fetchCity(api.url);
    expect(consistent).toBe(true);
    expect(city.tenants).toHaveLength(2500);
    expect(city.services).toHaveLength(1200);
    expect(city.services[0].title).toBe('Layanan 00001');
    expect(api.requests.filter((url) => url.startsWith('/api/v1/public/city/opd'))).toHaveLength(3);
  });

  it('reads the city again when it changed between pages', async () => {
    // The directory's second page, the first time it is read, comes from another version of the city.
    api = await cityApi({
      tenants: tenantsOf(1500),
      services: servicesOf(10),
      versionOf: (url, requests) =>
        url.includes('offset=1000') && requests.filter((seen) => seen === url).length === 1 ? 'v2' : 'v1',
    });
    const { city, consistent } = await fetchCity(api.url);
    expect(consistent).toBe(true);
    expect(city.tenants).toHaveLength(1500);
    expect(api.requests.filter((url) => url === '/api/v1/public/city')).toHaveLength(2);
  });

  it('gives up re-reading a city that never holds still, without repeating anything', async () => {
    // A new OPD ahead of the others in every answer: each page starts one earlier than the last one ended.
    const tenants = tenantsOf(1500);
    api = await cityApi({
      tenants,
      services: servicesOf(10),
      versionOf: (_url, requests) => {
        tenants.unshift({ slug: `baru-${requests.length}` });
        return `v${requests.length}`;
      },
    });
    const { city, consistent } = await fetchCity(api.url);
    expect(consistent).toBe(false);
    expect(api.requests.filter((url) => url === '/api/v1/public/city')).toHaveLength(3);
    expect(new Set(city.tenants.map((tenant) => tenant.slug)).size).toBe(city.tenants.length);
  });
});
