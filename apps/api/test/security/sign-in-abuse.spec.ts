import { accountState } from '../helpers/account-state';
import { TEST_PASSWORD, unique } from '../helpers/given';
import { asSuperuser } from '../helpers/superuser';
import { startAnotherInstance, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Attack classes: lockout as a weapon, account enumeration (answers and timing), and one throttle shared by
 * everybody. The API trusts the loopback proxy here (as it trusts the admin app), so each test can speak as
 * several clients with X-Forwarded-For; a second instance trusts no proxy, to show the header cannot be forged.
 */
describe('security: sign-in abuse', () => {
  let t: TestApp;
  const login = (client: string, email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', client).send({ email, password });

  beforeAll(async () => {
    t = await startTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_CLIENT_MAX_FAILURES: '8',
      LOGIN_LOCK_MINUTES: '15',
    });
  });
  afterAll(() => t.close());

  /** Moves a throttle key's clock back, as if `seconds` had passed (the database decides waits by now()). */
  async function age(seconds: number): Promise<void> {
    await asSuperuser(
      t.database,
      `UPDATE sign_in_failures SET updated_at = updated_at - make_interval(secs => $1),
              blocked_until = blocked_until - make_interval(secs => $1)`,
      [seconds],
    );
  }

  it('attack: fail on purpose for a victim to lock them out — only the failing client waits; the owner signs in elsewhere, and nothing about the account changes', async () => {
    const victim = await t.given.user();
    const before = await accountState(t.database, victim.id);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await login('203.0.113.66', victim.email, 'tebakan-penyerang')).status).toBe(401);
    }
    const attacker = await login('203.0.113.66', victim.email, TEST_PASSWORD);
    expect(attacker.status).toBe(429);
    expect(attacker.body.code).toBe('AUTH_THROTTLED');
    expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0);
    expect((await accountState(t.database, victim.id)).account).toEqual(before.account);

    const owner = await login('198.51.100.7', victim.email, TEST_PASSWORD);
    expect(owner.status).toBe(200);
  });

  it('attack: wait out the lock, then fail once to lock the victim again forever — failures decay, and waits double only while failing continues', async () => {
    const victim = await t.given.user();
    const client = `203.0.113.${10 + Math.floor(Math.random() * 100)}`;
    for (let attempt = 0; attempt < 3; attempt++) await login(client, victim.email, 'salah');
    expect((await login(client, victim.email, 'salah')).status).toBe(429);

    // Each wait ends; a client that keeps failing waits a little longer each time (doubling as the count
    // grows), never a flat 15 minutes for one guess.
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      await age(61);
      expect((await login(client, victim.email, 'salah')).status).toBe(401);
      const refused = await login(client, victim.email, TEST_PASSWORD);
      expect(refused.status).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
    }
    expect(waits[0]).toBeLessThanOrEqual(30);
    expect(waits[2]).toBeGreaterThan(waits[0]!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(120);

    // An hour later the failures have faded: one wrong guess is just a wrong guess.
    await age(3600);
    expect((await login(client, victim.email, 'salah')).status).toBe(401);
    expect((await login(client, victim.email, 'salah')).status).toBe(401);
    expect((await login(client, victim.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('attack: learn which emails have accounts from the answers — unknown, existing and throttled emails answer alike', async () => {
    const existing = await t.given.user();
    const unknownEmail = `tidak.ada.${unique()}@laman.example`;
    const answers = async (email: string, client: string) => {
      const seen: string[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await login(client, email, 'salah-terus');
        seen.push(`${response.status} ${response.body.code} ${response.body.message}`);
      }
      return seen;
    };
    const forExisting = await answers(existing.email, '192.0.2.21');
    const forUnknown = await answers(unknownEmail, '192.0.2.22');
    expect(forExisting).toEqual(forUnknown);
    expect(forExisting.map((line) => line.split(' ')[0])).toEqual(['401', '401', '401', '429', '429']);
  });

  it('attack: learn which emails have accounts from the timing — a wrong password costs the same for both', async () => {
    const existing = await t.given.user();
    const timings = { existing: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 8; round++) {
      for (const kind of ['existing', 'unknown'] as const) {
        const email = kind === 'existing' ? existing.email : `hantu.${unique()}@laman.example`;
        const started = performance.now();
        const response = await login(`192.0.2.${100 + round}`, email, `salah-${round}`);
        timings[kind].push(performance.now() - started);
        expect(response.status).toBe(401);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const [known, unknown] = [median(timings.existing), median(timings.unknown)];
    // Both paths verify an argon2 hash (the unknown one a decoy); without it the unknown path is ~10× faster.
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(known, unknown) * 0.5 + 5);
  });

  it('attack: stuffing slowly, one guess every few seconds, to let the decay buy an extra try — stopped at the same count', async () => {
    const stuffer = '203.0.113.201';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 9; attempt++) {
      statuses.push((await login(stuffer, `lambat${attempt}.${unique()}@laman.example`, 'Sandi123!')).status);
      await age(5);
    }
    expect(statuses).toEqual([...Array(8).fill(401), 429]);
  });

  it('attack: credential stuffing from one client across many emails — that client waits, another client is unaffected', async () => {
    const stuffer = '203.0.113.200';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await login(stuffer, `korban${attempt}.${unique()}@laman.example`, 'Sandi123!')).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    const someone = await t.given.user();
    expect((await login(stuffer, someone.email, TEST_PASSWORD)).status).toBe(429);
    expect((await login('198.51.100.99', someone.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('attack: guess an existing account’s password through an invitation link — counted like sign-ins', async () => {
    const tenant = await t.given.tenant();
    const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    const owner = await t.given.user();
    const added = await t
      .http()
      .post(`/api/v1/tenants/${tenant.slug}/users`)
      .set(admin.auth)
      .send({ email: owner.email, name: 'Pemilik', role: 'editor' });
    const guess = (password: string) =>
      t
        .http()
        .post('/api/v1/auth/invitations/accept')
        .set('X-Forwarded-For', '203.0.113.77')
        .send({ token: added.body.invitation.token, password });
    expect((await guess('tebakan-satu')).status).toBe(401);
    expect((await guess('tebakan-dua')).status).toBe(401);
    expect((await guess('tebakan-tiga')).status).toBe(401);
    expect((await guess(TEST_PASSWORD)).status).toBe(429);
  });

  it('attack: forge X-Forwarded-For to escape the throttle — an API that trusts no proxy ignores it', async () => {
    const direct = await startAnotherInstance(t.database, { LOGIN_MAX_FAILURES: '3' });
    try {
      const victim = await t.given.user();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await direct
          .http()
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', `10.9.8.${attempt}`)
          .send({ email: victim.email, password: 'tebakan' });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await direct.close();
    }
  });
});
