import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { smallJpeg } from '../helpers/media-corpus';
import { type RunningNginx, startNginx } from '../helpers/debian-nginx';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The API's gateway (deploy/nginx/api-gateway.conf.template) on Debian's nginx, in front of the API as compose
 * runs it: the API trusts the gateway's word on who the client is, so the gateway must never pass on a
 * client's own X-Forwarded-For. Attack: rotate a forged header to escape the per-address sign-in limit.
 */
describe('the API gateway (production configuration)', () => {
  let t: TestApp;
  let root: string;
  let gateway: RunningNginx;
  const LIMIT = 3;
  const METRICS_TOKEN = 'gateway-test-metrics-token-0123456789';
  const viaGateway = (urlPath: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${gateway.port}${urlPath}`, init);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'laman-gateway-'));
    // As in compose: the API believes forwarded headers from its gateway (here on loopback) alone.
    t = await startTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_IP_LIMIT_PER_MINUTE: String(LIMIT),
      METRICS_TOKEN: METRICS_TOKEN,
    });
    await t.app.listen(0, '127.0.0.1');
    const api = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    gateway = await startNginx('api-gateway', path.join(root, 'run'), {
      LAMAN_API_UPSTREAM: api,
      LAMAN_DNS_RESOLVER: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await t.close();
    await rm(root, { recursive: true, force: true });
  });

  it('passes requests through, uploads included', async () => {
    expect((await viaGateway('/api/v1/health')).status).toBe(200);
    const tenant = await t.given.tenant();
    const editor = await t.given.memberSignedIn(tenant, 'editor');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await smallJpeg())], { type: 'image/jpeg' }), 'foto.jpg');
    const upload = await viaGateway(`/api/v1/tenants/${tenant.slug}/media`, {
      method: 'POST',
      headers: { authorization: editor.auth.Authorization },
      body: form,
    });
    expect(upload.status).toBe(201);
    expect(gateway.log()).toBe('');
  });

  it('attack: read the metrics through the public door — 404 even with the token; the replica itself answers', async () => {
    const withToken = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };
    for (const address of ['/metrics', '/metrics?x=1'])
      expect((await viaGateway(address, withToken)).status).toBe(404);
    const direct = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/metrics`;
    expect((await fetch(direct, withToken)).status).toBe(200);
  });

  it('attack: a forged X-Forwarded-For, new on every try, does not escape the per-address sign-in limit', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LIMIT + 2; attempt++) {
      const response = await viaGateway('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${attempt + 1}` },
        body: JSON.stringify({ email: `orang${attempt}@laman.example`, password: 'apa-saja' }),
      });
      statuses.push(response.status);
    }
    // All from one client (127.0.0.1, which also signed in above): refused once the limit is reached. Had the
    // forged header passed, every try would count for a new address and be answered 401.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});
