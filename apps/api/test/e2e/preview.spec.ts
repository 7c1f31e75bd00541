import { type ContentTypeName } from '../../src/modules/content/types/content-type';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** "Pratinjau" renders a draft with the real site theme (a real Astro render) and changes nothing public. */
describe('previewing a draft as the public page', () => {
  let t: TestApp;
  let editor: SignedIn;
  let slug: string;
  let name: string;

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await t.given.tenant();
    ({ slug, name } = tenant);
    editor = await t.given.memberSignedIn(tenant, 'editor');
  });
  afterAll(() => t.close());

  const draft = async (type: ContentTypeName, title: string) =>
    (
      await t
        .http()
        .post(`/api/v1/tenants/${slug}/content/${type}`)
        .set(editor.auth)
        .send({ fields: sampleFields(type, title) })
    ).body as { id: string; slug: string };

  it('shows a news draft on its own page, in the theme, without publishing anything', async () => {
    const item = await draft('berita', 'Berita yang belum terbit');
    const preview = await t
      .http()
      .get(`/api/v1/tenants/${slug}/content/items/${item.id}/preview`)
      .set(editor.auth);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
    expect(preview.headers['content-security-policy']).toContain('sandbox');
    expect(preview.text).toContain('<h1>Berita yang belum terbit</h1>');
    expect(preview.text).toContain(name);

    const publicItem = await t.http().get(`/api/v1/public/${slug}/content/berita/${item.slug}`);
    expect(publicItem.status).toBe(404);
    const snapshot = await t.http().get(`/api/v1/public/${slug}/snapshot`);
    expect(JSON.stringify(snapshot.body)).not.toContain('Berita yang belum terbit');
    const state = await t.http().get(`/api/v1/tenants/${slug}/content/items/${item.id}`).set(editor.auth);
    expect({ state: state.body.state, live: state.body.live }).toEqual({ state: 'draft', live: false });
  });

  it('shows an announcement on its own page, where it will appear', async () => {
    const item = await draft('pengumuman', 'Pengumuman pratinjau');
    const preview = await t
      .http()
      .get(`/api/v1/tenants/${slug}/content/items/${item.id}/preview`)
      .set(editor.auth);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Pengumuman pratinjau');
    expect(preview.text).toMatch(/<h1[^>]*>Pengumuman pratinjau<\/h1>/);
    expect(preview.text).toContain('href="/pengumuman/"');
  });

  it('attack: one contributor floods previews — each person renders one and waits with one, the rest get 429, and an editor still gets theirs', async () => {
    const tenant = await t.given.tenant();
    const flooder = await t.given.memberSignedIn(tenant, 'contributor');
    const other = await t.given.memberSignedIn(tenant, 'editor');
    const own = (author: SignedIn, title: string) =>
      t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
        .set(author.auth)
        .send({ fields: sampleFields('berita', title) });
    const flooded = (await own(flooder, 'Banjir pratinjau')).body as { id: string };
    const wanted = (await own(other, 'Pratinjau editor')).body as { id: string };
    const preview = (author: SignedIn, id: string) =>
      t.http().get(`/api/v1/tenants/${tenant.slug}/content/items/${id}/preview`).set(author.auth);

    const flood = Array.from({ length: 8 }, () => preview(flooder, flooded.id));
    const editorsTurn = preview(other, wanted.id);
    const answers = await Promise.all(flood);
    const statuses = answers.map((answer) => answer.status).sort();
    // One renders, one waits; the six older waiting requests were replaced by newer ones.
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429, 429, 429]);
    expect(answers.find((answer) => answer.status === 429)?.headers['retry-after']).toBeDefined();
    const editors = await editorsTurn;
    expect(editors.status).toBe(200);
    expect(editors.text).toContain('Pratinjau editor');
  }, 120_000);
});
