import { JwtService } from '@nestjs/jwt';
import { DirectorySeeder } from '../../src/demo/directory-seeder';
import { TEST_PASSWORD } from '../helpers/given';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('returns tokens and the user with their memberships', async () => {
      const tenant = await t.given.tenant();
      const user = await t.given.member(tenant, 'editor');
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
      expect(response.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]{40,}$/);
      expect(response.body.user).toMatchObject({ email: user.email, platformRole: null });
      expect(response.body.user.memberships).toEqual([
        expect.objectContaining({ slug: tenant.slug, role: 'editor', tenantId: tenant.id }),
      ]);
    });

    it('refuses a wrong password and an unknown email with the same answer', async () => {
      const user = await t.given.user();
      const wrong = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: 'bukan-kata-sandinya' });
      const unknown = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@laman.example', password: TEST_PASSWORD });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(unknown.body).toMatchObject({ code: wrong.body.code, message: wrong.body.message });
    });

    it('makes this client wait after repeated failures for one email, even with the right password; other emails are unaffected', async () => {
      const user = await t.given.user();
      for (let attempt = 0; attempt < 3; attempt++) {
        const failed = await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: 'salah-lagi-salah' });
        expect(failed.status).toBe(401);
      }
      const locked = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('AUTH_THROTTLED');
      expect(locked.body.message).toMatch(/coba lagi dalam 1 menit/i);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(20);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(30);
      const other = await t.given.user();
      expect((await t.given.signedIn(other)).accessToken).toEqual(expect.any(String));
    });

    it('refuses a user who has not accepted their invitation yet', async () => {
      const tenant = await t.given.tenant();
      const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
      const invited = await t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/users`)
        .set(admin.auth)
        .send({ email: 'baru@laman.example', name: 'Pegawai Baru', role: 'contributor' });
      expect(invited.status).toBe(201);
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'baru@laman.example', password: TEST_PASSWORD });
      expect(login.status).toBe(401);
    });
  });

  describe('access tokens', () => {
    it('opens /auth/me with a valid token and refuses a missing, tampered or expired one', async () => {
      const signedIn = await t.given.signedIn(await t.given.user());
      expect((await t.http().get('/api/v1/auth/me').set(signedIn.auth)).status).toBe(200);

      const missing = await t.http().get('/api/v1/auth/me');
      expect(missing.status).toBe(401);
      expect(missing.body.code).toBe('AUTH_REQUIRED');

      const tampered = await t
        .http()
        .get('/api/v1/auth/me')
        .set({ Authorization: `Bearer ${signedIn.accessToken}x` });
      expect(tampered.status).toBe(401);
      expect(tampered.body.code).toBe('AUTH_TOKEN_INVALID');

      const sessionId = signedIn.refreshToken.split('.')[0];
      const expired = new JwtService({ secret: 'test-secret-that-is-long-enough-for-hs256' }).sign({
        sub: signedIn.user.id,
        sid: sessionId,
        typ: 'access',
        exp: Math.floor(Date.now() / 1000) - 5,
      });
      const late = await t
        .http()
        .get('/api/v1/auth/me')
        .set({ Authorization: `Bearer ${expired}` });
      expect(late.status).toBe(401);
      expect(late.body.code).toBe('AUTH_TOKEN_EXPIRED');

      const forged = new JwtService({ secret: 'some-other-secret-of-thirty-two-chars!!' }).sign({
        sub: signedIn.user.id,
        sid: sessionId,
        typ: 'access',
      });
      expect(
        (
          await t
            .http()
            .get('/api/v1/auth/me')
            .set({ Authorization: `Bearer ${forged}` })
        ).body.code,
      ).toBe('AUTH_TOKEN_INVALID');
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each refresh gives a new pair, and reusing an old one after the grace window ends the whole session', async () => {
      const signedIn = await t.given.signedIn(await t.given.user());
      const first = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signedIn.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(signedIn.refreshToken);
      expect(
        (
          await t
            .http()
            .get('/api/v1/auth/me')
            .set({ Authorization: `Bearer ${first.body.accessToken}` })
        ).status,
      ).toBe(200);

      await asSuperuser(t.database, `UPDATE auth_sessions SET rotated_at = rotated_at - interval '1 minute'`);
      const replay = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: signedIn.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');

      const afterTheft = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.body.refreshToken });
      expect(afterTheft.status).toBe(401);
      const me = await t
        .http()
        .get('/api/v1/auth/me')
        .set({ Authorization: `Bearer ${first.body.accessToken}` });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('AUTH_SESSION_ENDED');
    });

    it('refuses garbage', async () => {
      for (const refreshToken of ['abc', 'not.a-token', '00000000-0000-0000-0000-000000000000.secret']) {
        const response = await t.http().post('/api/v1/auth/refresh').send({ refreshToken });
        expect(response.status).toBe(401);
      }
    });

    it('are revoked by logout, together with the access token', async () => {
      const signedIn = await t.given.signedIn(await t.given.user());
      expect((await t.http().post('/api/v1/auth/logout').set(signedIn.auth)).status).toBe(204);
      expect((await t.http().get('/api/v1/auth/me').set(signedIn.auth)).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signedIn.refreshToken })).status,
      ).toBe(401);
    });

    it('outlive a tenant admin ending the membership, which ends only that OPD', async () => {
      const tenant = await t.given.tenant();
      const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
      const editor = await t.given.memberSignedIn(tenant, 'editor');
      const response = await t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/users/${editor.user.id}/deactivate`)
        .set(admin.auth);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('deactivated');
      // The account and its session are the person's, not the OPD's: only the OPD's door closes.
      expect((await t.http().get('/api/v1/auth/me').set(editor.auth)).status).toBe(200);
      expect((await t.http().get(`/api/v1/tenants/${tenant.slug}`).set(editor.auth)).status).toBe(403);
      expect(
        (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: editor.refreshToken })).status,
      ).toBe(200);
    });
  });

  describe('password change', () => {
    it('checks the current password and the policy, revokes every session and keeps this device signed in', async () => {
      const user = await t.given.user();
      const laptop = await t.given.signedIn(user);
      const phone = await t.given.signedIn(user);

      const wrong = await t
        .http()
        .post('/api/v1/auth/password')
        .set(phone.auth)
        .send({ currentPassword: 'salah-salah-salah', newPassword: 'Sandi-Baru-Yang-Kuat-1' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('AUTH_CURRENT_PASSWORD_WRONG');

      const weak = await t
        .http()
        .post('/api/v1/auth/password')
        .set(phone.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'password123' });
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('PASSWORD_POLICY');
      expect(weak.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'newPassword', constraint: 'commonPassword' }),
        ]),
      );
      expect((await t.http().get('/api/v1/auth/me').set(laptop.auth)).status).toBe(200);

      const changed = await t
        .http()
        .post('/api/v1/auth/password')
        .set(phone.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'Sandi-Baru-Yang-Kuat-1' });
      expect(changed.status).toBe(200);
      expect((await t.http().get('/api/v1/auth/me').set(laptop.auth)).status).toBe(401);
      expect((await t.http().get('/api/v1/auth/me').set(phone.auth)).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: laptop.refreshToken })).status,
      ).toBe(401);
      expect(
        (
          await t
            .http()
            .get('/api/v1/auth/me')
            .set({ Authorization: `Bearer ${changed.body.accessToken}` })
        ).status,
      ).toBe(200);
      expect(
        (await t.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }))
          .status,
      ).toBe(401);
      expect(
        (
          await t
            .http()
            .post('/api/v1/auth/login')
            .send({ email: user.email, password: 'Sandi-Baru-Yang-Kuat-1' })
        ).status,
      ).toBe(200);
    });
  });

  describe('invitations', () => {
    it('let a new user choose a password once; a weak password loses nothing', async () => {
      const tenant = await t.given.tenant();
      const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
      const invited = await t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/users`)
        .set(admin.auth)
        .send({ email: 'Operator.Baru@Laman.example', name: 'Operator Baru', role: 'contributor' });
      expect(invited.status).toBe(201);
      expect(invited.body.member).toMatchObject({
        email: 'operator.baru@laman.example',
        role: 'contributor',
        status: 'pending',
        accountStatus: null,
      });
      const { token, url } = invited.body.invitation;
      expect(url).toContain(encodeURIComponent(token));

      const weak = await t
        .http()
        .post('/api/v1/auth/invitations/accept')
        .send({ token, password: '1234567890' });
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('PASSWORD_POLICY');

      const accepted = await t
        .http()
        .post('/api/v1/auth/invitations/accept')
        .send({ token, password: 'Kopi-Robusta-Lampung-9' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user.memberships).toEqual([
        expect.objectContaining({ slug: tenant.slug, role: 'contributor' }),
      ]);

      const reused = await t
        .http()
        .post('/api/v1/auth/invitations/accept')
        .send({ token, password: 'Kopi-Robusta-Lampung-9' });
      expect(reused.status).toBe(410);
      expect(reused.body.code).toBe('INVITATION_INVALID');
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'operator.baru@laman.example', password: 'Kopi-Robusta-Lampung-9' });
      expect(login.status).toBe(200);
    });
  });
});

describe('login throttling per IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(() => t.close());

  it('answers 429 once one address has tried too often, whatever the account', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: `orang${attempt}@laman.example`, password: 'apa-saja-boleh' });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.body.code).toBe('RATE_LIMITED');
        expect(response.headers['retry-after']).toBeDefined();
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('where sign-ins are shown', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("keeps a person's sign-ins (and address) out of every OPD's audit log; the person sees their own devices", async () => {
    const [a, b] = [await t.given.tenant(), await t.given.tenant()];
    const person = await t.given.member(a, 'editor');
    await new DirectorySeeder(t.dataSource).member(b, person, 'contributor');
    const signedIn = await t.given.signedIn(person);
    // A sign-in an earlier version wrote into an OPD's log, with the address: never shown any more.
    await asSuperuser(
      t.database,
      `INSERT INTO audit_events (tenant_id, actor_user_id, action, target_type, target_id, data)
       VALUES ($1, $2, 'auth.login', 'user', $2, '{"ip":"203.0.113.9"}')`,
      [a.id, person.id],
    );
    const monitor = await t.given.platformSignedIn('monitor');
    for (const tenant of [a, b]) {
      const log = await t.http().get(`/api/v1/tenants/${tenant.slug}/audit-events`).set(monitor.auth);
      expect(log.status).toBe(200);
      expect(log.body.map((event: { action: string }) => event.action)).not.toContain('auth.login');
      expect(JSON.stringify(log.body)).not.toContain('203.0.113.9');
    }
    const own = await t.http().get('/api/v1/auth/sessions').set(signedIn.auth);
    expect(own.status).toBe(200);
    expect(own.body).toEqual([expect.objectContaining({ current: true, ip: expect.any(String) })]);
  });
});
