import { SKM_ELEMENTS } from '@laman/shared';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { publishItem } from '../helpers/sample-site';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The satisfaction survey behind every OPD site's address (`/survei/…`): the form posted without JavaScript,
 * answered with pages in Bahasa Indonesia that keep what the respondent chose and name each question left
 * open, and the results page, always current.
 */
describe('satisfaction survey pages of an OPD site (no JavaScript)', () => {
  let t: TestApp;
  let opd: Tenant;
  let service: { slug: string };
  const PAGES = '/api/v1/site-pages/survei';
  const at = (tenant: Tenant) => `${tenant.slug}.localhost`;
  const allAnswers = Object.fromEntries(SKM_ELEMENTS.map((element) => [element.name, '4']));
  let address = 0;
  const post = (host: string, form: Record<string, string>) =>
    t
      .http()
      .post(`${PAGES}/isi`)
      .set('X-Laman-Site-Host', host)
      .set('X-Forwarded-For', `10.6.0.${++address}`)
      .type('form')
      .send(form);
  const get = (path: string, host: string) => t.http().get(`${PAGES}${path}`).set('X-Laman-Site-Host', host);
  const count = async () =>
    (await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM survey_responses`))[0]!.n;
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    opd = await t.given.tenant();
    const editor = await t.given.memberSignedIn(opd, 'editor');
    service = await publishItem(t, opd, editor, 'layanan', sampleFields('layanan', 'Legalisir Ijazah'));
  });
  afterAll(() => t.close());

  it('takes a filled form and sends the respondent to the results, which thank them and count them', async () => {
    const sent = await post(at(opd), {
      service: service.slug,
      ...allAnswers,
      sex: 'laki_laki',
      suggestion: '',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers['location']).toBe(`./?terkirim=1&layanan=${service.slug}`);
    const page = await get(`/?terkirim=1&layanan=${service.slug}`, at(opd));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    const text = flat(page.text);
    expect(text).toContain('Terima kasih');
    expect(text).toContain('Indeks <strong>100,00</strong>');
    expect(text).toContain('A (Sangat baik)');
    expect(text).toContain(`href="../layanan/${service.slug}/"`);
    expect(text).toContain('1 responden dari minimal 384');
    // The service the respondent rated comes first, with its own elements.
    expect(text.indexOf('<h2 id="layanan-ini">Legalisir Ijazah</h2>')).toBeGreaterThan(0);
    expect(text.indexOf('layanan-ini')).toBeLessThan(text.indexOf('Per layanan'));
    expect(text).toContain(`<input type="hidden" name="layanan" value="${service.slug}" />`);
  });

  it('names each question left open, keeps every choice made, and writes nothing', async () => {
    const before = await count();
    const { u3: _u3, u7: _u7, ...partial } = allAnswers;
    const page = await post(at(opd), { service: service.slug, ...partial, ageBand: '40_49' });
    expect(page.status).toBe(400);
    const text = flat(page.text);
    for (const name of ['u3', 'u7']) {
      const question = SKM_ELEMENTS.find((element) => element.name === name)!.question;
      expect(text).toContain(`Belum dijawab: ${question}`);
    }
    expect(text).toMatch(/name="u1" value="4" required checked/);
    expect(text).not.toMatch(/name="u3" value="\d" required checked/);
    expect(text).toMatch(/value="40_49" selected/);
    expect(await count()).toBe(before);
  });

  it('serves the form of one service by its address, and a page saying so for a service it does not have', async () => {
    const form = await get(`/isi?layanan=${service.slug}`, at(opd));
    expect(form.status).toBe(200);
    expect(flat(form.text)).toContain('Survei kepuasan: Legalisir Ijazah');
    for (const element of SKM_ELEMENTS) expect(form.text).toContain(element.question);
    for (const wrong of ['tidak-ada', '', '%2e%2e%2fetc'])
      expect([wrong, (await get(`/isi?layanan=${wrong}`, at(opd))).status]).toEqual([wrong, 404]);
    const before = await count();
    expect((await post(at(opd), { service: 'tidak-ada', ...allAnswers })).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('answers a host that is no OPD site, and a period that has not begun, with a page', async () => {
    for (const path of ['/', `/isi?layanan=${service.slug}`, '/tantangan']) {
      const page = await get(path, 'bukan-situs.localhost');
      expect([path, page.status, page.headers['content-type']]).toEqual([
        path,
        404,
        expect.stringMatching(/^text\/html/),
      ]);
    }
    const before = await count();
    expect((await post('bukan-situs.localhost', { service: service.slug, ...allAnswers })).status).toBe(404);
    expect(await count()).toBe(before);
    const future = await get('/?periode=2099', at(opd));
    expect(future.status).toBe(400);
    expect(future.text).toContain('Periode itu tidak ada');
  });
});
