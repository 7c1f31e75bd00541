import { createServer } from 'node:http';
import { snapshotToBuild } from '../build-snapshot.mjs';
import { pageKeys } from '../render-plan.mjs';

/**
 * A stand-in for the public read API: the whole snapshot, the outline, and items one by one (`answered`: the
 * items as the item route sees them, when a publish lands between the reads).
 */
function publicApi(items, answered = items) {
  const requests = [];
  const snapshot = (bodies) => ({
    tenant: { slug: 'dinas', name: 'Dinas' },
    settings: {},
    profilePages: [],
    items: items.map((item) => {
      if (bodies) return item;
      const { bodyHtml: _bodyHtml, ...fields } = item.fields;
      return { ...item, fields };
    }),
  });
  const server = createServer((request, response) => {
    requests.push(request.url);
    const url = new URL(request.url, 'http://api');
    const [, , , , , what, type, slug] = url.pathname.split('/');
    const body =
      what === 'snapshot'
        ? snapshot(url.searchParams.get('bodies') !== 'none')
        : answered.find((item) => item.type === type && item.slug === slug);
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? {}));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, requests, server, snapshot }),
    ),
  );
}

const news = (slug, body) => ({
  type: 'berita',
  slug,
  title: slug,
  updatedAt: '2026-11-30T00:00:00Z',
  bodyDigest: `digest-${body}`,
  fields: { bodyHtml: `<p>${body}</p>` },
});

describe('the snapshot a build renders from', () => {
  let api;
  afterEach(() => api?.server.close());

  const build = async (items, liveItems, answered) => {
    api = await publicApi(items, answered);
    const live = { ...api.snapshot(true), items: liveItems };
    const previous = pageKeys(live, 'theme', 'kota.go.id');
    return snapshotToBuild({
      api: api.url,
      tenant: 'dinas',
      full: false,
      previous,
      theme: 'theme',
      sitesDomain: 'kota.go.id',
    });
  };

  it('reads the outline and fetches only the changed item, whose body the page then shows', async () => {
    const live = [news('a', 'lama'), news('b', 'tetap')];
    const { snapshot, plan } = await build([news('a', 'baru'), news('b', 'tetap')], live);
    expect(plan.render.berita).toEqual(['a']);
    expect(api.requests).toEqual([
      '/api/v1/public/dinas/snapshot?bodies=none',
      '/api/v1/public/dinas/content/berita/a',
    ]);
    expect(snapshot.items[0].fields.bodyHtml).toBe('<p>baru</p>');
    expect(snapshot.items[1].fields.bodyHtml).toBeUndefined();
  });

  it('reads the whole snapshot when an item changed between the outline and its fetch', async () => {
    const { snapshot, plan } = await build([news('a', 'baru')], [news('a', 'lama')], [news('a', 'terbaru')]);
    expect(api.requests.at(-1)).toBe('/api/v1/public/dinas/snapshot');
    expect(plan.render.berita).toEqual(['a']);
    expect(snapshot.items[0].fields.bodyHtml).toBe('<p>baru</p>');
  });

  it('reads the whole snapshot when an item went between the outline and its fetch', async () => {
    const { snapshot } = await build([news('a', 'baru'), news('b', 'x')], [news('a', 'lama')], []);
    expect(api.requests.at(-1)).toBe('/api/v1/public/dinas/snapshot');
    expect(snapshot.items.map((item) => item.fields.bodyHtml)).toEqual(['<p>baru</p>', '<p>x</p>']);
  });

  it('reads the whole snapshot for a first build, a full build, or many changed items', async () => {
    const many = Array.from({ length: 30 }, (_, index) => news(`n${index}`, 'baru'));
    const { snapshot } = await build(
      many,
      many.map((item) => ({ ...item, bodyDigest: 'lama' })),
    );
    expect(api.requests).toEqual([
      '/api/v1/public/dinas/snapshot?bodies=none',
      '/api/v1/public/dinas/snapshot',
    ]);
    expect(snapshot.items.every((item) => item.fields.bodyHtml === '<p>baru</p>')).toBe(true);
    api.server.close();
    api = await publicApi([news('a', 'baru')]);
    for (const request of [
      { previous: null, full: false },
      { previous: {}, full: true },
    ])
      await snapshotToBuild({ api: api.url, tenant: 'dinas', theme: 't', sitesDomain: 'k', ...request });
    expect(api.requests).toEqual(['/api/v1/public/dinas/snapshot', '/api/v1/public/dinas/snapshot']);
  });
});
