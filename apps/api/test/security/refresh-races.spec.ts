import { accountState } from '../helpers/account-state';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Attack class: ending someone's session through the refresh endpoint, and replaying a stolen refresh token.
 * Two tabs refreshing at once must not sign a person out; a forged secret must not touch the session; a
 * replayed (genuinely reused) secret must end it.
 */
describe('security: refresh races and replays', () => {
  let t: TestApp;
  const refresh = (refreshToken: string) => t.http().post('/api/v1/auth/refresh').send({ refreshToken });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('two tabs refresh with the same token at the same moment — both get the same new pair, the session lives on', async () => {
    const signedIn = await t.given.signedIn(await t.given.user());
    const answers = await Promise.all([1, 2, 3].map(() => refresh(signedIn.refreshToken)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.refreshToken)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.body.accessToken)).size).toBe(1);
    expect(answers[0]!.body.refreshToken).not.toBe(signedIn.refreshToken);
    const next = await refresh(answers[0]!.body.refreshToken);
    expect(next.status).toBe(200);
    expect((await accountState(t.database, signedIn.user.id)).liveSessions).toBe(1);
  });

  it('attack: present the right session id with a made-up secret — refused, and the session is untouched', async () => {
    const signedIn = await t.given.signedIn(await t.given.user());
    const [sessionId] = signedIn.refreshToken.split('.');
    const before = await asSuperuser(t.database, `SELECT * FROM auth_sessions WHERE id = $1`, [sessionId]);
    for (const forged of [`${sessionId}.bukan-rahasianya`, `${sessionId}.${'A'.repeat(43)}`]) {
      const answer = await refresh(forged);
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('AUTH_REFRESH_INVALID');
    }
    expect(await asSuperuser(t.database, `SELECT * FROM auth_sessions WHERE id = $1`, [sessionId])).toEqual(
      before,
    );
    expect((await refresh(signedIn.refreshToken)).status).toBe(200);
  });

  it('attack: replay a stolen refresh token after its owner has moved on — the session ends for both', async () => {
    const signedIn = await t.given.signedIn(await t.given.user());
    const owner = await refresh(signedIn.refreshToken);
    expect(owner.status).toBe(200);
    const [sessionId] = signedIn.refreshToken.split('.');
    // The grace window for racing tabs (30 s) has passed.
    await asSuperuser(
      t.database,
      `UPDATE auth_sessions SET rotated_at = rotated_at - interval '31 seconds' WHERE id = $1`,
      [sessionId],
    );
    const thief = await refresh(signedIn.refreshToken);
    expect(thief.status).toBe(401);
    expect((await refresh(owner.body.refreshToken)).status).toBe(401);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set({ Authorization: `Bearer ${owner.body.accessToken}` });
    expect(me.body.code).toBe('AUTH_SESSION_ENDED');
    const [row] = await asSuperuser<{ revoked_reason: string }>(
      t.database,
      `SELECT revoked_reason FROM auth_sessions WHERE id = $1`,
      [sessionId],
    );
    expect(row!.revoked_reason).toBe('refresh_reuse');
  });
});
