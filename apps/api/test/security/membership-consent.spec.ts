import { DirectorySeeder } from '../../src/demo/directory-seeder';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type User } from '../../src/modules/users/user.entity';
import { accountState } from '../helpers/account-state';
import { type SignedIn, TEST_PASSWORD, unique } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Attack class: membership without consent. A hostile tenant admin adds people who never agreed (a platform
 * admin, a monitor, another OPD's editor), then tries to act on them: promote, deactivate (to end their
 * sessions everywhere), read their account, learn whether an email exists. Every member-management route is
 * tried against every kind of victim.
 */
describe('security: membership without consent', () => {
  let t: TestApp;
  let opd: Tenant;
  let otherOpd: Tenant;
  let attacker: SignedIn;
  const victims: Record<string, User> = {};
  const users = () => `/api/v1/tenants/${opd.slug}/users`;

  beforeAll(async () => {
    t = await startTestApp();
    opd = await t.given.tenant();
    otherOpd = await t.given.tenant();
    attacker = await t.given.memberSignedIn(opd, 'tenant_admin');
    await t.given.member(opd, 'tenant_admin'); // a second admin, so "last admin" never hides a refusal
    victims['platform_admin'] = await t.given.user({ platformRole: 'platform_admin' });
    victims['monitor'] = await t.given.user({ platformRole: 'monitor' });
    victims['other_opd_editor'] = await t.given.member(otherOpd, 'editor');
  });
  afterAll(() => t.close());

  /** What an inviter sees, without the parts that name the person or the link itself. */
  function inviterView(body: {
    member: Record<string, unknown>;
    invitation: Record<string, unknown>;
  }): Record<string, unknown> {
    const { userId: _id, email: _email, joinedAt: _joined, ...member } = body.member;
    return { member, invitationKeys: Object.keys(body.invitation).sort() };
  }

  it('attack: learn whether an email has an account (and its name, status, last sign-in) by inviting it — every answer is the same', async () => {
    const answers: Array<Record<string, unknown>> = [];
    for (const email of [
      `belum.ada.${unique()}@laman.example`,
      victims['platform_admin']!.email,
      victims['monitor']!.email,
      victims['other_opd_editor']!.email,
    ]) {
      const response = await t
        .http()
        .post(users())
        .set(attacker.auth)
        .send({ email, name: 'Nama Dari Pengundang', role: 'editor' });
      expect(response.status).toBe(201);
      answers.push(inviterView(response.body));
    }
    expect(answers[0]).toEqual({
      member: {
        name: 'Nama Dari Pengundang',
        role: 'editor',
        duties: [],
        status: 'pending',
        accountStatus: null,
        lastLoginAt: null,
      },
      invitationKeys: ['expiresAt', 'token', 'url'],
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const listed = await t.http().get(users()).set(attacker.auth);
    for (const victim of Object.values(victims)) {
      const row = listed.body.find((member: { userId: string }) => member.userId === victim.id);
      expect(row).toMatchObject({ name: 'Nama Dari Pengundang', accountStatus: null, lastLoginAt: null });
    }
  });

  it('attack: an added person is given the role at once — nothing changes until they accept', async () => {
    for (const victim of Object.values(victims)) {
      const signedIn = await t.given.signedIn(victim);
      const me = await t.http().get('/api/v1/auth/me').set(signedIn.auth);
      expect(me.body.memberships.map((m: { slug: string }) => m.slug)).not.toContain(opd.slug);
      const write = await t
        .http()
        .post(`/api/v1/tenants/${opd.slug}/content/berita`)
        .set(signedIn.auth)
        .send({ title: 'Tidak boleh' });
      if (victim.platformRole !== 'platform_admin') expect(write.status).toBe(403);
    }
  });

  it('attack: act on a pending offer to a platform admin, a monitor or another OPD’s editor (promote, withdraw, renew, reset) — the same answers as for a new email, and their accounts unchanged', async () => {
    const outcomes: string[] = [];
    const newcomer = await t
      .http()
      .post(users())
      .set(attacker.auth)
      .send({ email: `baru.${unique()}@laman.example`, name: 'Orang Baru', role: 'editor' });
    for (const victimId of [
      newcomer.body.member.userId as string,
      ...Object.values(victims).map((v) => v.id),
    ]) {
      const before = await accountState(t.database, victimId);
      const statuses = [
        (await t.http().patch(`${users()}/${victimId}`).set(attacker.auth).send({ role: 'tenant_admin' }))
          .status,
        (await t.http().post(`${users()}/${victimId}/deactivate`).set(attacker.auth)).status,
        (await t.http().post(`${users()}/${victimId}/reactivate`).set(attacker.auth)).status,
        (await t.http().post(`${users()}/${victimId}/invitation`).set(attacker.auth)).status,
        (await t.http().post(`${users()}/${victimId}/password-reset`).set(attacker.auth)).status,
      ];
      outcomes.push(statuses.join(','));
      const after = await accountState(t.database, victimId);
      expect(after.account).toEqual(before.account);
      expect(after.liveSessions).toBe(before.liveSessions);
      expect(after.memberships.filter((m) => m.tenantId !== opd.id)).toEqual(
        before.memberships.filter((m) => m.tenantId !== opd.id),
      );
    }
    expect(outcomes[0]).toBe('200,200,200,201,404');
    expect(new Set(outcomes).size).toBe(1);
  });

  it('attack: promote, deactivate, reactivate or reset a monitor who (from older data) is an accepted member — refused, nothing written', async () => {
    const monitor = await t.given.user({ platformRole: 'monitor' });
    await new DirectorySeeder(t.dataSource).member(opd, monitor, 'contributor');
    const signedIn = await t.given.signedIn(monitor);
    const before = await accountState(t.database, monitor.id);
    const responses = [
      await t.http().patch(`${users()}/${monitor.id}`).set(attacker.auth).send({ role: 'tenant_admin' }),
      await t.http().post(`${users()}/${monitor.id}/deactivate`).set(attacker.auth),
      await t.http().post(`${users()}/${monitor.id}/reactivate`).set(attacker.auth),
      await t.http().post(`${users()}/${monitor.id}/password-reset`).set(attacker.auth),
    ];
    expect(responses.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    expect(responses.map((response) => response.body.token)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(await accountState(t.database, monitor.id)).toEqual(before);
    expect((await t.http().get('/api/v1/auth/me').set(signedIn.auth)).status).toBe(200);
  });

  it('attack: a monitor accepts an editor membership to publish — refused, the link stays unused', async () => {
    const monitor = await t.given.user({ platformRole: 'monitor' });
    const added = await t
      .http()
      .post(users())
      .set(attacker.auth)
      .send({ email: monitor.email, name: 'Pemantau', role: 'editor' });
    const before = await accountState(t.database, monitor.id);
    const accepted = await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: added.body.invitation.token, password: TEST_PASSWORD });
    expect(accepted.status).toBe(403);
    expect(await accountState(t.database, monitor.id)).toEqual(before);
  });

  it('attack: a monitor who is (from older data) an active editor of an OPD writes there — refused, monitors only read', async () => {
    const monitor = await t.given.user({ platformRole: 'monitor' });
    await new DirectorySeeder(t.dataSource).member(opd, monitor, 'editor');
    const signedIn = await t.given.signedIn(monitor);
    const write = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/content/berita`)
      .set(signedIn.auth)
      .send({ title: 'Berita dari pemantau' });
    expect(write.status).toBe(403);
    const read = await t.http().get(`/api/v1/tenants/${opd.slug}/content`).set(signedIn.auth);
    expect(read.status).toBe(200);
  });

  it("attack: deactivate a shared member again and again to end their sessions everywhere — only this OPD's access ends", async () => {
    const shared = await t.given.member(otherOpd, 'editor');
    await new DirectorySeeder(t.dataSource).member(opd, shared, 'editor');
    const signedIn = await t.given.signedIn(shared);
    for (let round = 0; round < 3; round++) {
      expect((await t.http().post(`${users()}/${shared.id}/deactivate`).set(attacker.auth)).status).toBe(200);
      expect((await t.http().post(`${users()}/${shared.id}/reactivate`).set(attacker.auth)).status).toBe(200);
    }
    await t.http().post(`${users()}/${shared.id}/deactivate`).set(attacker.auth);
    expect((await accountState(t.database, shared.id)).liveSessions).toBe(1);
    expect((await t.http().get(`/api/v1/tenants/${otherOpd.slug}`).set(signedIn.auth)).status).toBe(200);
    expect((await t.http().get(`/api/v1/tenants/${opd.slug}`).set(signedIn.auth)).status).toBe(403);
    const refreshed = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: signedIn.refreshToken });
    expect(refreshed.status).toBe(200);
  });

  it("attack: read a member's sign-ins and address elsewhere from this OPD's audit log — the log holds none", async () => {
    const shared = await t.given.member(otherOpd, 'editor');
    await new DirectorySeeder(t.dataSource).member(opd, shared, 'contributor');
    await t.given.signedIn(shared);
    const log = await t.http().get(`/api/v1/tenants/${opd.slug}/audit-events?limit=100`).set(attacker.auth);
    expect(log.status).toBe(200);
    const fromShared = log.body.filter((event: { actorUserId: string }) => event.actorUserId === shared.id);
    expect(fromShared).toEqual([]);
    expect(JSON.stringify(log.body)).not.toMatch(/"ip"/);
  });
});
