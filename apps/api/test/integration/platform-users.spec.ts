import { type SignedIn, TEST_PASSWORD } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('platform admins manage platform roles and accounts', () => {
  let t: TestApp;
  let platform: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  it('invites a new monitor with a one-time link; the monitor can then read every OPD', async () => {
    const invited = await t
      .http()
      .post('/api/v1/admin/users')
      .set(platform.auth)
      .send({ email: 'pemantau.baru@laman.example', name: 'Pemantau Baru', platformRole: 'monitor' });
    expect(invited.status).toBe(201);
    // Nothing about the account changes until its owner accepts the link.
    expect(invited.body.user).toMatchObject({ platformRole: null, status: 'invited' });
    const accepted = await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: invited.body.invitation.token, password: 'Pantau-Semua-OPD-2026' });
    expect(accepted.status).toBe(200);
    const tenant = await t.given.tenant();
    const read = await t
      .http()
      .get(`/api/v1/tenants/${tenant.slug}`)
      .set({ Authorization: `Bearer ${accepted.body.accessToken}` });
    expect(read.status).toBe(200);
  });

  it('offers an existing account a platform role that its owner accepts with their password; takes it away at once', async () => {
    const person = await t.given.signedIn(await t.given.user());
    expect((await t.http().get('/api/v1/admin/tenants').set(person.auth)).status).toBe(403);
    const granted = await t
      .http()
      .post('/api/v1/admin/users')
      .set(platform.auth)
      .send({ email: person.email, name: 'x', platformRole: 'monitor' });
    expect(granted.body).toMatchObject({
      user: { id: person.user.id, platformRole: null, status: 'active' },
      invitation: { token: expect.any(String) },
    });
    expect((await t.http().get('/api/v1/admin/tenants').set(person.auth)).status).toBe(403);
    const accept = (password: string) =>
      t
        .http()
        .post('/api/v1/auth/invitations/accept')
        .send({ token: granted.body.invitation.token, password });
    const wrong = await accept('Bukan-Sandi-Pemiliknya-1');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVITATION_PASSWORD_WRONG');
    expect((await accept(TEST_PASSWORD)).status).toBe(200);
    expect((await t.http().get('/api/v1/admin/tenants').set(person.auth)).status).toBe(200);
    const twice = await t
      .http()
      .post('/api/v1/admin/users')
      .set(platform.auth)
      .send({ email: person.email, name: 'x', platformRole: 'platform_admin' });
    expect(twice.body.code).toBe('USER_ALREADY_PLATFORM');
    const revoked = await t
      .http()
      .patch(`/api/v1/admin/users/${person.user.id}`)
      .set(platform.auth)
      .send({ platformRole: null });
    expect(revoked.body.platformRole).toBeNull();
    expect((await t.http().get('/api/v1/admin/tenants').set(person.auth)).status).toBe(403);
  });

  it('deactivates an account everywhere: sessions revoked, sign-in refused, until reactivated', async () => {
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const off = await t.http().post(`/api/v1/admin/users/${editor.user.id}/deactivate`).set(platform.auth);
    expect(off.body.status).toBe('deactivated');
    expect((await t.http().get('/api/v1/auth/me').set(editor.auth)).status).toBe(401);
    expect(
      (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: editor.refreshToken })).status,
    ).toBe(401);
    await expect(t.given.signedIn(editor.user)).rejects.toThrow(/401/);
    const on = await t.http().post(`/api/v1/admin/users/${editor.user.id}/reactivate`).set(platform.auth);
    expect(on.body.status).toBe('active');
    expect((await t.given.signedIn(editor.user)).accessToken).toEqual(expect.any(String));
  });

  it('does not let an admin change their own access', async () => {
    const self = await t.http().post(`/api/v1/admin/users/${platform.user.id}/deactivate`).set(platform.auth);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CANNOT_CHANGE_OWN_ACCESS');
    const demoteSelf = await t
      .http()
      .patch(`/api/v1/admin/users/${platform.user.id}`)
      .set(platform.auth)
      .send({ platformRole: null });
    expect(demoteSelf.body.code).toBe('CANNOT_CHANGE_OWN_ACCESS');
  });

  it('lists and searches accounts', async () => {
    await t.given.user({ email: 'siti.rahma@laman.example' });
    const found = await t
      .http()
      .get('/api/v1/admin/users?q=siti.rahma')
      .set((await t.given.platformSignedIn('platform_admin')).auth);
    expect(found.body.items).toEqual([expect.objectContaining({ email: 'siti.rahma@laman.example' })]);
    expect(JSON.stringify(found.body)).not.toMatch(/password/i);
  });
});

describe('the last platform admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('survives two admins removing each other at the same moment: one wins, the other gets 409', async () => {
    const [first, second] = await Promise.all([
      t.given.platformSignedIn('platform_admin'),
      t.given.platformSignedIn('platform_admin'),
    ]);
    const [a, b] = await Promise.all([
      t.http().patch(`/api/v1/admin/users/${second.user.id}`).set(first.auth).send({ platformRole: null }),
      t.http().patch(`/api/v1/admin/users/${first.user.id}`).set(second.auth).send({ platformRole: null }),
    ]);
    // The loser is refused either by the rule (both in flight) or by the guard (its role went first).
    expect([a, b].filter((response) => response.status === 200)).toHaveLength(1);
    expect(
      [a, b].filter((response) => response.status !== 200).map((response) => response.body.code),
    ).toEqual([expect.stringMatching(/^(LAST_PLATFORM_ADMIN|FORBIDDEN)$/)]);
    const remaining = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE platform_role = 'platform_admin' AND status = 'active'`,
    );
    expect(remaining).toEqual([{ n: 1 }]);
  });
});
