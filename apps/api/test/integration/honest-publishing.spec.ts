import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Statuses that tell the truth: an item says "Terbit" only when citizens can see it. A document without its
 * file, or an announcement whose end has passed, is refused at publishing with the field and the reason, and
 * nothing changes: it stays a draft, and the public API does not show it.
 */
describe('honest publishing', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  const content = () => `/api/v1/tenants/${tenant.slug}/content`;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
  });
  afterAll(() => t.close());

  async function draftAndPublish(type: 'dokumen' | 'pengumuman', fields: Record<string, unknown>) {
    const draft = await t.http().post(`${content()}/${type}`).set(editor.auth).send({ fields });
    expect(draft.status).toBe(201);
    const published = await t
      .http()
      .post(`${content()}/items/${draft.body.id}/publish`)
      .set(editor.auth)
      .send({ version: draft.body.version });
    const after = await t.http().get(`${content()}/items/${draft.body.id}`).set(editor.auth);
    const visible = await t.http().get(`/api/v1/public/${tenant.slug}/content/${type}/${draft.body.slug}`);
    return { published, state: after.body.state as string, publicStatus: visible.status };
  }

  it('refuses to publish a document without its file (the draft is kept); exempt information may go without', async () => {
    const hollow = await draftAndPublish('dokumen', {
      ...sampleFields('dokumen', 'SKM tanpa berkas'),
      category: 'skm',
      files: [],
    });
    expect(hollow.published.status).toBe(400);
    expect(hollow.published.body.details).toEqual([
      expect.objectContaining({ field: 'fields.files', constraint: 'fileRequiredToPublish' }),
    ]);
    expect({ state: hollow.state, publicStatus: hollow.publicStatus }).toEqual({
      state: 'draft',
      publicStatus: 404,
    });

    const exempt = await draftAndPublish('dokumen', {
      ...sampleFields('dokumen', 'Daftar informasi dikecualikan'),
      informationClass: 'dikecualikan',
      exemptionReason: 'Pasal 17 UU 14/2008: informasi pribadi',
      files: [],
    });
    expect(exempt.published.status).toBe(200);
    const withFile = await draftAndPublish('dokumen', sampleFields('dokumen', 'Renja dengan berkas'));
    expect(withFile.published.status).toBe(200);
  });

  it('refuses to publish an announcement whose end has passed, saying so on the field', async () => {
    const ended = await draftAndPublish('pengumuman', {
      ...sampleFields('pengumuman', 'Pengumuman yang sudah lewat'),
      validFrom: '2025-01-01T08:00',
      validUntil: '2025-02-01T17:00',
    });
    expect(ended.published.status).toBe(400);
    expect(ended.published.body.details).toEqual([
      expect.objectContaining({ field: 'fields.validUntil', constraint: 'endInFuture' }),
    ]);
    expect({ state: ended.state, publicStatus: ended.publicStatus }).toEqual({
      state: 'draft',
      publicStatus: 404,
    });
    const current = await draftAndPublish(
      'pengumuman',
      sampleFields('pengumuman', 'Pengumuman yang berlaku'),
    );
    expect(current.published.status).toBe(200);
  });
});
