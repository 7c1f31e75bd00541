import { type SignedIn, TEST_PASSWORD } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('tenant provisioning and lifecycle (platform admins)', () => {
  let t: TestApp;
  let platform: SignedIn;
  const newTenant = (slug: string, adminEmail = `admin.${slug}@laman.example`) => ({
    slug,
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    kind: 'dinas',
    formerNames: [`${slug.toUpperCase()} Lama`],
    customDomain: `${slug}.bandarlampungkota.go.id`,
    contactPhone: '0721 252041',
    firstAdmin: { email: adminEmail, name: 'Admin Pertama' },
  });

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  it('creates a tenant with its first admin, whose one-time link lets them in to manage their OPD', async () => {
    const created = await t.http().post('/api/v1/admin/tenants').set(platform.auth).send(newTenant('dinkes'));
    expect(created.status).toBe(201);
    expect(created.body.tenant).toMatchObject({
      slug: 'dinkes',
      status: 'active',
      formerNames: ['DINKES Lama'],
      customDomain: 'dinkes.bandarlampungkota.go.id',
    });
    expect(created.body.firstAdmin).toMatchObject({
      email: 'admin.dinkes@laman.example',
      invitation: { token: expect.any(String) },
    });

    const accepted = await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: created.body.firstAdmin.invitation.token, password: 'Sehat-Selalu-Bandar-1' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.memberships).toEqual([
      expect.objectContaining({ slug: 'dinkes', role: 'tenant_admin' }),
    ]);
    const users = await t
      .http()
      .get('/api/v1/tenants/dinkes/users')
      .set({ Authorization: `Bearer ${accepted.body.accessToken}` });
    expect(users.status).toBe(200);
    expect(users.body).toEqual([
      expect.objectContaining({
        email: 'admin.dinkes@laman.example',
        role: 'tenant_admin',
        accountStatus: 'active',
      }),
    ]);

    const audit = await t.http().get('/api/v1/tenants/dinkes/audit-events').set(platform.auth);
    expect(audit.body.map((event: { action: string }) => event.action)).toContain('tenant.provisioned');
  });

  it('offers an existing account the first-admin role; it counts once its owner accepts', async () => {
    const existing = await t.given.user();
    const created = await t
      .http()
      .post('/api/v1/admin/tenants')
      .set(platform.auth)
      .send(newTenant('dishub', existing.email));
    expect(created.status).toBe(201);
    expect(created.body.firstAdmin).toEqual({
      userId: existing.id,
      email: existing.email,
      invitation: expect.objectContaining({ token: expect.any(String) }),
    });
    const signedIn = await t.given.signedIn(existing);
    const before = await t.http().get('/api/v1/auth/me').set(signedIn.auth);
    expect(before.body.memberships).toEqual([]);
    const accepted = await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: created.body.firstAdmin.invitation.token, password: TEST_PASSWORD });
    expect(accepted.status).toBe(200);
    const me = await t.http().get('/api/v1/auth/me').set(signedIn.auth);
    expect(me.body.memberships).toEqual([expect.objectContaining({ slug: 'dishub', role: 'tenant_admin' })]);
  });

  it('refuses a taken slug or domain with 409 naming the field, and writes nothing', async () => {
    await t.http().post('/api/v1/admin/tenants').set(platform.auth).send(newTenant('dlh'));
    const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n;
    const before = await count();
    const sameSlug = await t
      .http()
      .post('/api/v1/admin/tenants')
      .set(platform.auth)
      .send(newTenant('dlh', 'someone.else@laman.example'));
    expect(sameSlug.status).toBe(409);
    expect(sameSlug.body).toMatchObject({
      code: 'TENANT_SLUG_TAKEN',
      details: [expect.objectContaining({ field: 'slug' })],
    });
    const sameDomain = await t
      .http()
      .post('/api/v1/admin/tenants')
      .set(platform.auth)
      .send({
        ...newTenant('dlh-baru', 'another@laman.example'),
        customDomain: 'DLH.bandarlampungkota.go.id',
      });
    expect(sameDomain.status).toBe(409);
    expect(sameDomain.body.code).toBe('TENANT_DOMAIN_TAKEN');
    expect(await count()).toBe(before);
  });

  it('lists, filters and searches tenants, also by former names', async () => {
    await t.given.tenant('kec-kemiling');
    const all = await t.http().get('/api/v1/admin/tenants?limit=200').set(platform.auth);
    expect(all.body.total).toBeGreaterThanOrEqual(4);
    const byFormerName = await t.http().get('/api/v1/admin/tenants?q=dinkes lama').set(platform.auth);
    expect(byFormerName.body.items.map((item: { slug: string }) => item.slug)).toEqual(['dinkes']);
    const paged = await t.http().get('/api/v1/admin/tenants?limit=1&offset=1').set(platform.auth);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBe(all.body.total);
  });

  it("updates a tenant's data", async () => {
    const tenant = await t.given.tenant();
    const updated = await t
      .http()
      .patch(`/api/v1/admin/tenants/${tenant.id}`)
      .set(platform.auth)
      .send({
        name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah',
        shortName: 'Bapperida',
        formerNames: ['Bappeda'],
      });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      shortName: 'Bapperida',
      formerNames: ['Bappeda'],
      slug: tenant.slug,
    });
    const missing = await t
      .http()
      .get('/api/v1/admin/tenants/00000000-0000-4000-8000-000000000000')
      .set(platform.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('TENANT_NOT_FOUND');
  });

  it('renames an OPD with a new slug: the old one keeps reaching it and stays reserved', async () => {
    const created = await t
      .http()
      .post('/api/v1/admin/tenants')
      .set(platform.auth)
      .send(newTenant('bappeda'));
    const id = created.body.tenant.id;
    const renamed = await t
      .http()
      .patch(`/api/v1/admin/tenants/${id}`)
      .set(platform.auth)
      .send({ slug: 'bapperida', name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ slug: 'bapperida', formerSlugs: ['bappeda'] });

    // The public API answers under the old slug with the OPD as it is now; the site is rebuilt.
    const old = await t.http().get('/api/v1/public/bappeda/site');
    expect(old.status).toBe(200);
    expect(old.body.tenant).toMatchObject({ slug: 'bapperida', formerSlugs: ['bappeda'] });
    const inTenant = (sql: string) =>
      t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
        return manager.query(sql);
      });
    const [queued] = await inTenant(
      `SELECT count(*)::int AS n FROM site_change_events WHERE kind = 'tenant.changed'`,
    );
    expect(queued.n).toBe(1);
    // Nobody else can take the old slug; going back to it is allowed.
    const taken = await t
      .http()
      .post('/api/v1/admin/tenants')
      .set(platform.auth)
      .send(newTenant('bappeda', 'x@laman.example'));
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('TENANT_SLUG_TAKEN');
    const back = await t
      .http()
      .patch(`/api/v1/admin/tenants/${id}`)
      .set(platform.auth)
      .send({ slug: 'bappeda' });
    expect(back.body).toMatchObject({ slug: 'bappeda', formerSlugs: ['bapperida'] });
    const audit = await inTenant(
      `SELECT data FROM audit_events WHERE action = 'tenant.updated' ORDER BY created_at`,
    );
    expect(audit[0].data).toMatchObject({ from: 'bappeda', to: 'bapperida' });
  });

  it('suspends a tenant: its users can still read but not write, until it is reactivated', async () => {
    const tenant = await t.given.tenant();
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const suspended = await t
      .http()
      .post(`/api/v1/admin/tenants/${tenant.id}/suspend`)
      .set(platform.auth)
      .send({ reason: 'Konten judi online ditemukan' });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      status: 'suspended',
      suspendedReason: 'Konten judi online ditemukan',
    });

    expect((await t.http().get(`/api/v1/tenants/${tenant.slug}/users`).set(admin.auth)).status).toBe(200);
    const write = await t
      .http()
      .patch(`/api/v1/tenants/${tenant.slug}`)
      .set(admin.auth)
      .send({ contactName: 'Operator' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('TENANT_SUSPENDED');
    const invite = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/users`)
      .set(admin.auth)
      .send({ email: 'x@laman.example', name: 'X', role: 'editor' });
    expect(invite.body.code).toBe('TENANT_SUSPENDED');
    expect(
      (
        await t
          .http()
          .post(`/api/v1/admin/tenants/${tenant.id}/suspend`)
          .set(platform.auth)
          .send({ reason: 'sekali lagi' })
      ).body.code,
    ).toBe('TENANT_STATUS_UNCHANGED');

    const reactivated = await t
      .http()
      .post(`/api/v1/admin/tenants/${tenant.id}/reactivate`)
      .set(platform.auth);
    expect(reactivated.body).toMatchObject({ status: 'active', suspendedReason: null });
    expect(
      (
        await t
          .http()
          .patch(`/api/v1/tenants/${tenant.slug}`)
          .set(admin.auth)
          .send({ contactName: 'Operator' })
      ).status,
    ).toBe(200);
  });

  it('lets tenant admins keep their contact data current, refusing placeholders', async () => {
    const tenant = await t.given.tenant();
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const placeholder = await t
      .http()
      .patch(`/api/v1/tenants/${tenant.slug}`)
      .set(admin.auth)
      .send({ contactPhone: '0000-0000000' });
    expect(placeholder.status).toBe(400);
    const ok = await t.http().patch(`/api/v1/tenants/${tenant.slug}`).set(admin.auth).send({
      contactPhone: '+62 812 7000 1234',
      contactEmail: 'Humas@Contoh.go.id',
      address: 'Jl. Dr. Susilo No. 2, Bandar Lampung',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ contactPhone: '+62 812 7000 1234', contactEmail: 'humas@contoh.go.id' });
    const profile = await t
      .http()
      .get(`/api/v1/tenants/${tenant.slug}`)
      .set((await t.given.memberSignedIn(tenant, 'contributor')).auth);
    expect(profile.body.address).toBe('Jl. Dr. Susilo No. 2, Bandar Lampung');
  });

  it('never returns password hashes', async () => {
    const tenant = await t.given.tenant();
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const responses = await Promise.all([
      t.http().get(`/api/v1/tenants/${tenant.slug}/users`).set(admin.auth),
      t.http().get('/api/v1/auth/me').set(admin.auth),
      t.http().post('/api/v1/auth/login').send({ email: admin.email, password: TEST_PASSWORD }),
    ]);
    for (const response of responses)
      expect(JSON.stringify(response.body)).not.toMatch(/argon2|passwordHash|password_hash/);
  });
});
