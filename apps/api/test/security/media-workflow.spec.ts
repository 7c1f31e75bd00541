import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { smallJpeg } from '../helpers/media-corpus';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Attack class: reaching citizens around the workflow through media. A file that live content uses is part of
 * that content: a contributor cannot change its text or the file, and where the OPD requires a second editor
 * nobody changes it in place (a new file goes through the content's review). A refused change writes nothing
 * and the public API keeps showing what was published.
 */
describe('security: media changes pass the workflow', () => {
  let t: TestApp;
  let tenant: Tenant;
  let editor: SignedIn;
  let contributor: SignedIn;
  let admin: SignedIn;
  let photoId: string;
  let newsSlug: string;
  const media = () => `/api/v1/tenants/${tenant.slug}/media`;
  const publicCover = async () =>
    (await t.http().get(`/api/v1/public/${tenant.slug}/content/berita/${newsSlug}`)).body.fields.cover;
  const mediaRow = async () =>
    (
      await asSuperuser<{ alt: string; caption: string | null; token: string; version: number }>(
        t.database,
        `SELECT alt, caption, token, version FROM media WHERE id = $1`,
        [photoId],
      )
    )[0]!;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    editor = await t.given.memberSignedIn(tenant, 'editor');
    contributor = await t.given.memberSignedIn(tenant, 'contributor');
    admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const photo = await t
      .http()
      .post(media())
      .set(editor.auth)
      .field({ alt: 'Pelayanan KTP keliling' })
      .attach('file', await smallJpeg(), 'ktp.jpg');
    photoId = photo.body.id;
    const draft = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/berita`)
      .set(editor.auth)
      .send({ fields: { ...sampleFields('berita', 'Layanan KTP keliling'), cover: { mediaId: photoId } } });
    newsSlug = draft.body.slug;
    const published = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/content/items/${draft.body.id}/publish`)
      .set(editor.auth)
      .send({ version: draft.body.version });
    expect(published.status).toBe(200);
  });
  afterAll(() => t.close());

  it('attack: a contributor rewrites the alt text or replaces the file of a live photo — refused, nothing changes publicly', async () => {
    const before = await mediaRow();
    const described = await t
      .http()
      .patch(`${media()}/${photoId}`)
      .set(contributor.auth)
      .send({ version: before.version, alt: 'slot gacor maxwin' });
    expect(described.status).toBe(403);
    expect(described.body.code).toBe('WORKFLOW_FORBIDDEN');
    const replaced = await t
      .http()
      .put(`${media()}/${photoId}/file`)
      .set(contributor.auth)
      .field('version', String(before.version))
      .attach('file', await smallJpeg(), 'lain.jpg');
    expect(replaced.status).toBe(403);
    expect(await mediaRow()).toEqual(before);
    expect((await publicCover()).alt).toBe('Pelayanan KTP keliling');
  });

  it('an editor may change a live photo: audited, and the site is rebuilt', async () => {
    const before = await mediaRow();
    const described = await t
      .http()
      .patch(`${media()}/${photoId}`)
      .set(editor.auth)
      .send({ version: before.version, alt: 'Petugas melayani perekaman KTP-el keliling' });
    expect(described.status).toBe(200);
    const log = await t.http().get(`/api/v1/tenants/${tenant.slug}/audit-events`).set(admin.auth);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'media.described',
          targetId: photoId,
          data: { fields: ['alt'], live: true },
        }),
      ]),
    );
    const [change] = await asSuperuser<{ kind: string }>(
      t.database,
      `SELECT kind FROM site_change_events WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [tenant.id],
    );
    expect(change!.kind).toBe('media.described');
  });

  it('attack: with a second editor required, one editor replaces a live official photo or document in place — refused', async () => {
    const setting = await t
      .http()
      .patch(`/api/v1/tenants/${tenant.slug}`)
      .set(admin.auth)
      .send({ requireSecondEditor: true });
    expect(setting.body.requireSecondEditor).toBe(true);
    const before = await mediaRow();
    const replaced = await t
      .http()
      .put(`${media()}/${photoId}/file`)
      .set(editor.auth)
      .field('version', String(before.version))
      .attach('file', await smallJpeg(), 'pengganti.jpg');
    expect(replaced.status).toBe(403);
    expect(replaced.body.code).toBe('SECOND_EDITOR_REQUIRED');
    const described = await t
      .http()
      .patch(`${media()}/${photoId}`)
      .set(editor.auth)
      .send({ version: before.version, caption: 'Diganti tanpa review' });
    expect(described.status).toBe(403);
    expect(await mediaRow()).toEqual(before);
  });
});
