import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { accountState } from '../helpers/account-state';
import { type SignedIn, TEST_PASSWORD, unique } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Attack class: taking over an account, or gaining a role, through the ways accounts are brought in —
 * inviting, reissuing an invitation, adding a member, resetting a password — as a hostile tenant admin.
 * Each test names its attack, checks the answer, and checks (as the database superuser) that the victim's
 * account, memberships and sessions are exactly as before.
 */
describe('security: account takeover through invitations, members and resets', () => {
  let t: TestApp;
  let platform: SignedIn;
  let victimOpd: Tenant;
  let attackerOpd: Tenant;
  let attacker: SignedIn;

  const addMember = (email: string, role = 'tenant_admin', name = 'Siapa Saja') =>
    t.http().post(`/api/v1/tenants/${attackerOpd.slug}/users`).set(attacker.auth).send({ email, name, role });
  const accept = (token: string, password: string) =>
    t.http().post('/api/v1/auth/invitations/accept').send({ token, password });
  const me = async (accessToken: string) =>
    (
      await t
        .http()
        .get('/api/v1/auth/me')
        .set({ Authorization: `Bearer ${accessToken}` })
    ).body;

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
    victimOpd = await t.given.tenant();
    attackerOpd = await t.given.tenant();
    attacker = await t.given.memberSignedIn(attackerOpd, 'tenant_admin');
  });
  afterAll(() => t.close());

  it('attack: add the email of a pending platform-admin invitee to get a link for that account — the link cannot claim it, the real link still works', async () => {
    const email = `calon.admin.${unique()}@laman.example`;
    const invited = await t
      .http()
      .post('/api/v1/admin/users')
      .set(platform.auth)
      .send({ email, name: 'Calon Admin', platformRole: 'platform_admin' });
    expect(invited.status).toBe(201);
    const victimId = invited.body.user.id as string;
    const before = await accountState(t.database, victimId);

    const hijack = await addMember(email);
    expect(hijack.status).toBe(201);
    const claim = await accept(hijack.body.invitation.token, 'Sandi-Penyerang-2026');
    expect(claim.status).toBe(409);
    expect(claim.body.code).toBe('INVITATION_ACCOUNT_NOT_ACTIVE');
    const after = await accountState(t.database, victimId);
    expect(after.account).toEqual(before.account);
    expect(after.liveSessions).toBe(0);

    // The real invitee's link still works, and gives exactly what the platform admin offered.
    const real = await accept(invited.body.invitation.token, 'Sandi-Admin-Asli-2026');
    expect(real.status).toBe(200);
    expect(real.body.user).toMatchObject({ platformRole: 'platform_admin', memberships: [] });
    // The attacker's link now needs the owner's password; guessing leaves the link and the account as they were.
    const guess = await accept(hijack.body.invitation.token, 'Sandi-Penyerang-2026');
    expect(guess.status).toBe(401);
    expect(guess.body.code).toBe('INVITATION_PASSWORD_WRONG');
    expect((await accountState(t.database, victimId)).memberships).toEqual([
      expect.objectContaining({ tenantId: attackerOpd.id, status: 'pending' }),
    ]);
  });

  it("attack: add another OPD's pending first admin (a freshly provisioned OPD) — the first admin's own link still works, the attacker's cannot claim", async () => {
    const slug = `opd-${unique()}`;
    const email = `admin.${slug}@laman.example`;
    const provisioned = await t
      .http()
      .post('/api/v1/admin/tenants')
      .set(platform.auth)
      .send({
        slug,
        name: `Dinas Baru ${slug}`,
        shortName: 'Dinas Baru',
        kind: 'dinas',
        firstAdmin: { email, name: 'Admin Baru' },
      });
    expect(provisioned.status).toBe(201);
    const hijack = await addMember(email, 'contributor');
    expect(hijack.status).toBe(201);
    expect((await accept(hijack.body.invitation.token, 'Sandi-Penyerang-2026')).status).toBe(409);
    const real = await accept(provisioned.body.firstAdmin.invitation.token, 'Sandi-Admin-Baru-2026');
    expect(real.status).toBe(200);
    expect(real.body.user.memberships).toEqual([expect.objectContaining({ slug, role: 'tenant_admin' })]);
  });

  it('attack: reissue the link of a pending member who is really someone else — the new link still needs the owner', async () => {
    const owner = await t.given.member(victimOpd, 'editor');
    const added = await addMember(owner.email, 'contributor');
    const before = await accountState(t.database, owner.id);
    const reissued = await t
      .http()
      .post(`/api/v1/tenants/${attackerOpd.slug}/users/${owner.id}/invitation`)
      .set(attacker.auth);
    expect(reissued.status).toBe(201);
    expect((await accept(added.body.invitation.token, TEST_PASSWORD)).status).toBe(410);
    const guess = await accept(reissued.body.token, 'Tebakan-Penyerang-99');
    expect(guess.status).toBe(401);
    expect(await accountState(t.database, owner.id)).toEqual(before);
  });

  it('attack: reset the password of a member who also belongs elsewhere (pending, active or ended there), or of a platform account', async () => {
    const shared = await t.given.member(attackerOpd, 'editor');
    await t
      .http()
      .post(`/api/v1/tenants/${victimOpd.slug}/users`)
      .set((await t.given.memberSignedIn(victimOpd, 'tenant_admin')).auth)
      .send({ email: shared.email, name: 'Dari OPD Lain', role: 'contributor' });
    const before = await accountState(t.database, shared.id);
    const reset = await t
      .http()
      .post(`/api/v1/tenants/${attackerOpd.slug}/users/${shared.id}/password-reset`)
      .set(attacker.auth);
    expect(reset.status).toBe(403);
    expect(reset.body.token).toBeUndefined();
    expect(await accountState(t.database, shared.id)).toEqual(before);
  });

  it('attack: a link for an existing account used with a new password instead of the owner’s — refused, link still usable by the owner', async () => {
    const owner = await t.given.member(victimOpd, 'editor');
    const added = await addMember(owner.email, 'editor');
    const before = await accountState(t.database, owner.id);
    const takeover = await accept(added.body.invitation.token, 'Sandi-Baru-Penyerang-1');
    expect(takeover.status).toBe(401);
    expect(await accountState(t.database, owner.id)).toEqual(before);
    const byOwner = await accept(added.body.invitation.token, TEST_PASSWORD);
    expect(byOwner.status).toBe(200);
    expect((await me(byOwner.body.accessToken)).memberships).toHaveLength(2);
  });
});
