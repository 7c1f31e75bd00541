import { smallJpeg } from '../helpers/media-corpus';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('site settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('start from defaults, save with a version, refuse placeholders and stale versions, and show on the public site at once', async () => {
    const tenant = await t.given.tenant();
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const path = `/api/v1/tenants/${tenant.slug}/settings`;
    const initial = await t.http().get(path).set(admin.auth);
    expect(initial.body).toMatchObject({
      version: 0,
      settings: { complaintLinks: [expect.objectContaining({ label: 'SP4N-LAPOR!' })] },
    });

    const placeholder = await t
      .http()
      .put(path)
      .set(admin.auth)
      .send({ version: 0, settings: { contact: { phone: '(0000)000000', email: 'bukan-email' } } });
    expect(placeholder.status).toBe(400);
    expect(placeholder.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'settings.contact.email',
      'settings.contact.phone',
    ]);

    const tooLight = await t
      .http()
      .put(path)
      .set(admin.auth)
      .send({ version: 0, settings: { brandColor: '#f1c232' } });
    expect(tooLight.status).toBe(400);
    expect(tooLight.body.details).toEqual([
      expect.objectContaining({ field: 'settings.brandColor', message: expect.stringContaining('4,5:1') }),
    ]);

    const settings = {
      tagline: 'Melayani dengan sepenuh hati',
      contact: {
        address: 'Jl. Dr. Susilo No. 2, Teluk Betung Utara',
        phone: '0721 252041',
        whatsapp: '0812 7000 1234',
        latitude: -5.4294,
        longitude: 105.2621,
      },
      brandColor: '#0b5394',
      menu: [
        { label: 'Profil', children: [{ label: 'Visi dan Misi', pageSlug: 'visi-misi' }] },
        { label: 'Berita', href: '/berita' },
      ],
      complaintLinks: [{ label: 'SP4N-LAPOR!', url: 'https://www.lapor.go.id' }],
    };
    const saved = await t.http().put(path).set(admin.auth).send({ version: 0, settings });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, settings: { brandColor: '#0b5394' } });
    const stale = await t
      .http()
      .put(path)
      .set(admin.auth)
      .send({ version: 0, settings: { tagline: 'Tertimpa' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONTENT_VERSION_CONFLICT', current: { version: 1 } });

    const site = await t.http().get(`/api/v1/public/${tenant.slug}/site`);
    expect(site.body.settings).toMatchObject({
      tagline: 'Melayani dengan sepenuh hati',
      contact: { phone: '0721 252041' },
    });
    const events = await t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      return manager.query(`SELECT kind FROM site_change_events`);
    });
    expect(events).toEqual([{ kind: 'settings.changed' }]);

    const editor = await t.given.memberSignedIn(tenant, 'editor');
    expect((await t.http().put(path).set(editor.auth).send({ version: 1, settings })).status).toBe(403);
  });

  it("take the logo and the home page photo from the OPD's own library only, with alt text, and show them on the public site", async () => {
    const [tenant, other] = [await t.given.tenant(), await t.given.tenant()];
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const otherAdmin = await t.given.memberSignedIn(other, 'tenant_admin');
    const upload = async (slug: string, auth: Record<string, string>, alt?: string) => {
      let call = t.http().post(`/api/v1/tenants/${slug}/media`).set(auth);
      if (alt) call = call.field('alt', alt);
      const response = await call.attach('file', await smallJpeg(), 'foto.jpg');
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    const path = `/api/v1/tenants/${tenant.slug}/settings`;
    const save = (settings: Record<string, unknown>) =>
      t.http().put(path).set(admin.auth).send({ version: 0, settings });

    const foreign = await upload(other.slug, otherAdmin.auth, 'Kantor lain');
    const withoutAlt = await upload(tenant.slug, admin.auth);
    const refused = await save({ hero: { mediaId: foreign }, logo: { mediaId: withoutAlt } });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'settings.hero.mediaId',
      'settings.logo.alt',
    ]);
    expect((await t.http().get(path).set(admin.auth)).body.version).toBe(0);

    const hero = await upload(tenant.slug, admin.auth, 'Loket pelayanan kantor dinas');
    const saved = await save({ hero: { mediaId: hero }, logo: { mediaId: withoutAlt, alt: 'Logo dinas' } });
    expect(saved.status).toBe(200);
    const site = await t.http().get(`/api/v1/public/${tenant.slug}/site`);
    expect(site.body.settings.hero).toMatchObject({
      alt: 'Loket pelayanan kantor dinas',
      url: expect.stringContaining(`/${tenant.slug}/`),
      srcset: expect.objectContaining({ avif: expect.any(String) }),
    });
    expect(site.body.settings.logo).toMatchObject({ alt: 'Logo dinas' });
  });
});
