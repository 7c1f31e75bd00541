import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The site pages (`/api/v1/site-pages/…`) are opened by citizens' browsers, often without JavaScript, which
 * show whatever they are given: every failure there — one the page's own rules answer, or one the pipeline
 * answers before them (too large, unreadable, too many requests, a wrong site) — must be an HTML page in
 * Bahasa Indonesia that says what to do, never JSON, and must write nothing. The routes come from the committed
 * OpenAPI document, so a new site page is attacked too.
 */
const LIMIT_PER_MINUTE = 8;
const document = JSON.parse(readFileSync(path.join(__dirname, '../../openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const routes = Object.entries(document.paths)
  .filter(([route]) => route.startsWith('/api/v1/site-pages/'))
  .flatMap(([route, operations]) => Object.keys(operations).map((method) => ({ method, route })));
const posts = routes.filter((route) => route.method === 'post');

describe('failures on site pages are pages', () => {
  let t: TestApp;
  let host: string;
  const written = async () =>
    (
      await asSuperuser<{ n: number }>(
        t.database,
        `SELECT (SELECT count(*) FROM information_requests) + (SELECT count(*) FROM information_request_events) AS n`,
      )
    )[0]!.n;
  const call = (method: string, route: string, site = host) =>
    t
      .http()
      [method as 'get' | 'post'](route.replace('{code}', 'PPID-AAAA-BBBB'))
      .set('X-Laman-Site-Host', site);
  const expectPage = (
    answer: { status: number; headers: Record<string, string>; text: string },
    status: number,
  ) => {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.text).toMatch(/<html lang="id">/);
    expect(answer.text).toMatch(/role="alert"/);
    expect(answer.text).not.toMatch(/"code"\s*:/);
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: String(LIMIT_PER_MINUTE) });
    host = `${(await t.given.tenant()).slug}.localhost`;
  });
  afterAll(() => t.close());

  it('finds the site pages in the OpenAPI document', () => {
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(routes.some((route) => route.method === 'get')).toBe(true);
  });

  it.each(posts)('$method $route: a body too large is a page (413), nothing written', async ({ route }) => {
    const before = await written();
    const answer = await call('post', route)
      .type('form')
      .send({ information: 'x'.repeat(40_000) });
    expectPage(answer, 413);
    expect(answer.text).toContain('terlalu panjang');
    expect(await written()).toBe(before);
  });

  it.each(posts)(
    '$method $route: a body that is not a form is a page (415), nothing written',
    async ({ route }) => {
      const before = await written();
      const answer = await call('post', route).set('Content-Type', 'text/plain').send('nama=Rahmat');
      expectPage(answer, 415);
      expect(await written()).toBe(before);
    },
  );

  it.each(routes)('$method $route: a site that is not an OPD is a page (404)', async ({ method, route }) => {
    const answer = await call(method, route, 'tidak-ada.localhost').type('form').send({ code: 'x' });
    expectPage(answer, 404);
  });

  it('too many requests from one network is a page (429) that says to wait, nothing written', async () => {
    const before = await written();
    const { method, route } = routes.find((entry) => entry.method === 'get')!;
    let answer = await call(method, route);
    for (let sent = 1; answer.status !== 429 && sent <= LIMIT_PER_MINUTE + 1; sent++)
      answer = await call(method, route);
    expectPage(answer, 429);
    expect(answer.headers['retry-after']).toBeDefined();
    expect(answer.text).toContain('Tunggu sebentar');
    expect(await written()).toBe(before);
  });
});
