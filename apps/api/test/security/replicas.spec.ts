import { startAnotherInstance, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Attack class: state kept in one process, which N replicas of the API multiply by N. Two API instances on one
 * database (as two replicas behind a load balancer), and a client that sends every other request to each. Every
 * route that answers 429 to an anonymous client — taken from the OpenAPI document, so a new throttled route is
 * attacked without anyone adding it here — must refuse the request after the limit, counted over both.
 */
interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
}

const LIMIT = 3;

describe('security: limits shared by every replica', () => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof startAnotherInstance>>;
  const settings = {
    LOGIN_IP_LIMIT_PER_MINUTE: String(LIMIT),
    LOGIN_MAX_FAILURES: '3',
    TRUST_PROXY: 'loopback',
  };

  beforeAll(async () => {
    t = await startTestApp(settings);
    other = await startAnotherInstance(t.database, settings);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('throttles each anonymous route per client over both replicas', async () => {
    const document = (await t.http().get('/api/docs.json')).body as OpenApi;
    const throttled = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => '429' in operation.responses && !operation.security?.length)
        .map(([method]) => ({ method: method as 'post' | 'get', path })),
    );
    expect(throttled.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/invitations/accept']),
    );
    for (const [index, route] of throttled.entries()) {
      const client = `198.51.100.${index + 1}`;
      const statuses: number[] = [];
      for (let attempt = 0; attempt < LIMIT + 2; attempt++) {
        const replica = attempt % 2 === 0 ? t : other;
        const response = await replica
          .http()
          [route.method](route.path)
          .set('X-Forwarded-For', client)
          .send({
            email: `orang${attempt}@laman.example`,
            password: 'apa-saja',
            token: 'x',
            refreshToken: 'x',
          });
        statuses.push(response.status);
      }
      expect({ route: route.path, refused: statuses.map((status) => status === 429) }).toEqual({
        route: route.path,
        refused: [...Array(LIMIT).fill(false), true, true],
      });
    }
  });

  it('a client throttled on one replica is throttled on the other, and another client is not', async () => {
    // A new email each time: the per-account lockout (below) stays out of it.
    let attempt = 0;
    const login = (replica: { http: TestApp['http'] }, client: string) =>
      replica
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', client)
        .send({ email: `siapa${attempt++}@laman.example`, password: 'apa-saja' });
    for (let count = 0; count < LIMIT; count++) await login(t, '198.51.100.200');
    expect((await login(other, '198.51.100.200')).status).toBe(429);
    expect((await login(other, '198.51.100.201')).status).toBe(401);
  });

  it('locks a guessed account for the guessing client on both replicas', async () => {
    const victim = await t.given.user();
    const guess = (replica: { http: TestApp['http'] }) =>
      replica
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '198.51.100.99')
        .send({ email: victim.email, password: 'tebakan' });
    expect([(await guess(t)).status, (await guess(other)).status, (await guess(t)).status]).toEqual([
      401, 401, 401,
    ]);
    expect((await guess(other)).status).toBe(429);
  });
});
