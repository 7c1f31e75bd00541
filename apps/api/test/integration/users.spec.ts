import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn, TEST_PASSWORD } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('tenant admins manage the people of their OPD', () => {
  let t: TestApp;
  let tenant: Tenant;
  let admin: SignedIn;
  const users = () => `/api/v1/tenants/${tenant.slug}/users`;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
  });
  afterAll(() => t.close());

  it('offers someone who already works for another OPD a membership they accept; refuses adding them twice', async () => {
    const elsewhere = await t.given.tenant();
    const person = await t.given.member(elsewhere, 'editor');
    const added = await t
      .http()
      .post(users())
      .set(admin.auth)
      .send({ email: person.email, name: 'Nama Dari Pengundang', role: 'contributor' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      member: {
        userId: person.id,
        name: 'Nama Dari Pengundang',
        role: 'contributor',
        status: 'pending',
        accountStatus: null,
        lastLoginAt: null,
      },
      invitation: { token: expect.any(String) },
    });
    const signedIn = await t.given.signedIn(person);
    const roles = async () =>
      (
        (await t.http().get('/api/v1/auth/me').set(signedIn.auth)).body.memberships as Array<{
          slug: string;
          role: string;
        }>
      )
        .map((m) => `${m.slug}:${m.role}`)
        .sort();
    expect(await roles()).toEqual([`${elsewhere.slug}:editor`]);
    const accepted = await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: added.body.invitation.token, password: TEST_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(await roles()).toEqual([`${elsewhere.slug}:editor`, `${tenant.slug}:contributor`].sort());
    const twice = await t
      .http()
      .post(users())
      .set(admin.auth)
      .send({ email: person.email, name: 'Lagi', role: 'editor' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('USER_ALREADY_MEMBER');
  });

  it('changes roles, with effect on the next request', async () => {
    const person = await t.given.memberSignedIn(tenant, 'contributor');
    expect((await t.http().get(users()).set(person.auth)).status).toBe(403);
    const promoted = await t
      .http()
      .patch(`${users()}/${person.user.id}`)
      .set(admin.auth)
      .send({ role: 'tenant_admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('tenant_admin');
    expect((await t.http().get(users()).set(person.auth)).status).toBe(200);
    const audit = await t.http().get(`/api/v1/tenants/${tenant.slug}/audit-events`).set(admin.auth);
    expect(audit.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'user.role_changed',
          targetId: person.user.id,
          actorUserId: admin.user.id,
          data: { from: 'contributor', to: 'tenant_admin' },
        }),
      ]),
    );
    await t.http().patch(`${users()}/${person.user.id}`).set(admin.auth).send({ role: 'contributor' });
  });

  it('always keeps one active tenant admin, and nobody deactivates themselves', async () => {
    const solo = await t.given.tenant();
    const soloAdmin = await t.given.memberSignedIn(solo, 'tenant_admin');
    const path = `/api/v1/tenants/${solo.slug}/users/${soloAdmin.user.id}`;
    const demote = await t.http().patch(path).set(soloAdmin.auth).send({ role: 'editor' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('LAST_TENANT_ADMIN');
    const self = await t.http().post(`${path}/deactivate`).set(soloAdmin.auth);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CANNOT_CHANGE_OWN_ACCESS');

    const platform = await t.given.platformSignedIn('platform_admin');
    const byPlatform = await t.http().post(`${path}/deactivate`).set(platform.auth);
    expect(byPlatform.status).toBe(409);
    expect(byPlatform.body.code).toBe('LAST_TENANT_ADMIN');
  });

  it('keeps one admin even when two admins demote each other at the same moment', async () => {
    const pair = await t.given.tenant();
    const [first, second] = await Promise.all([
      t.given.memberSignedIn(pair, 'tenant_admin'),
      t.given.memberSignedIn(pair, 'tenant_admin'),
    ]);
    const path = (user: SignedIn) => `/api/v1/tenants/${pair.slug}/users/${user.user.id}`;
    const [a, b] = await Promise.all([
      t.http().patch(path(second)).set(first.auth).send({ role: 'editor' }),
      t.http().patch(path(first)).set(second.auth).send({ role: 'editor' }),
    ]);
    // The loser is refused either by the rule (both in flight) or by the guard (it was demoted first).
    expect([a, b].filter((response) => response.status === 200)).toHaveLength(1);
    expect(
      [a, b].filter((response) => response.status !== 200).map((response) => response.body.code),
    ).toEqual([expect.stringMatching(/^(LAST_TENANT_ADMIN|ROLE_INSUFFICIENT)$/)]);
    const admins = await t
      .http()
      .get(`/api/v1/tenants/${pair.slug}/users`)
      .set((await t.given.platformSignedIn('platform_admin')).auth);
    expect(
      admins.body.filter(
        (member: { role: string; status: string }) =>
          member.role === 'tenant_admin' && member.status === 'active',
      ),
    ).toHaveLength(1);
  });

  it('deactivates and reactivates a member', async () => {
    const person = await t.given.memberSignedIn(tenant, 'editor');
    const off = await t.http().post(`${users()}/${person.user.id}/deactivate`).set(admin.auth);
    expect(off.body.status).toBe('deactivated');
    const blocked = await t
      .http()
      .get(`/api/v1/tenants/${tenant.slug}`)
      .set((await t.given.signedIn(person.user)).auth);
    expect(blocked.status).toBe(403);
    const on = await t.http().post(`${users()}/${person.user.id}/reactivate`).set(admin.auth);
    expect(on.body.status).toBe('active');
    expect(
      (
        await t
          .http()
          .get(`/api/v1/tenants/${tenant.slug}`)
          .set((await t.given.signedIn(person.user)).auth)
      ).status,
    ).toBe(200);
  });

  it('reissues an invitation link; the old link stops working', async () => {
    const invited = await t
      .http()
      .post(users())
      .set(admin.auth)
      .send({ email: 'lupa.link@laman.example', name: 'Lupa Link', role: 'editor' });
    const oldToken = invited.body.invitation.token;
    const reissued = await t
      .http()
      .post(`${users()}/${invited.body.member.userId}/invitation`)
      .set(admin.auth);
    expect(reissued.status).toBe(201);
    expect(reissued.body.token).not.toBe(oldToken);
    expect(
      (
        await t
          .http()
          .post('/api/v1/auth/invitations/accept')
          .send({ token: oldToken, password: 'Link-Baru-Saja-Dipakai' })
      ).status,
    ).toBe(410);
    expect(
      (
        await t
          .http()
          .post('/api/v1/auth/invitations/accept')
          .send({ token: reissued.body.token, password: 'Link-Baru-Saja-Dipakai' })
      ).status,
    ).toBe(200);
    const again = await t.http().post(`${users()}/${invited.body.member.userId}/invitation`).set(admin.auth);
    expect(again.status).toBe(409);
  });

  it('resets a forgotten password with a one-time link: old sessions end, the link works once', async () => {
    const forgetful = await t.given.memberSignedIn(tenant, 'editor');
    const link = await t.http().post(`${users()}/${forgetful.user.id}/password-reset`).set(admin.auth);
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/\/atur-ulang-sandi\?token=/);
    expect(new Date(link.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    const reset = (password: string) =>
      t.http().post('/api/v1/auth/password-reset').send({ token: link.body.token, password });

    // A weak password is refused and the link still works afterwards.
    const weak = await reset('pendek');
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].field).toBe('password');
    const done = await reset('Sandi-Baru-Editor-2026');
    expect(done.status).toBe(200);
    expect(done.body.user.id).toBe(forgetful.user.id);
    expect((await reset('Sandi-Lain-Editor-2026')).status).toBe(410);

    // The session from before the reset ends; the new password signs in.
    const refreshed = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: forgetful.refreshToken });
    expect(refreshed.status).toBe(401);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: forgetful.email, password: 'Sandi-Baru-Editor-2026' });
    expect(login.status).toBe(200);
    const audit = await t.http().get(`/api/v1/tenants/${tenant.slug}/audit-events`).set(admin.auth);
    expect(audit.body.map((event: { action: string }) => event.action)).toContain(
      'user.password_reset_issued',
    );
  });

  it('leaves the password of someone who also works in another OPD to the platform admins', async () => {
    const shared = await t.given.member(await t.given.tenant(), 'editor');
    const added = await t
      .http()
      .post(users())
      .set(admin.auth)
      .send({ email: shared.email, name: shared.name, role: 'contributor' });
    await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: added.body.invitation.token, password: TEST_PASSWORD });
    const refused = await t.http().post(`${users()}/${shared.id}/password-reset`).set(admin.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('Diskominfotik');
    const platform = await t.given.platformSignedIn('platform_admin');
    const link = await t.http().post(`/api/v1/admin/users/${shared.id}/password-reset`).set(platform.auth);
    expect(link.status).toBe(201);
    expect(link.body.token).toBeTruthy();
  });

  it('lists members with their role and account status', async () => {
    const listed = await t.http().get(users()).set(admin.auth);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: admin.user.id,
          role: 'tenant_admin',
          status: 'active',
          accountStatus: 'active',
        }),
      ]),
    );
  });
});
