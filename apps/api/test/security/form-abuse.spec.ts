import { type Challenge } from 'altcha-lib';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { encodeProof, solvedProof } from '../helpers/form-proof';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The citizens' request form against bots, with nothing loaded from outside: a self-hosted proof of work (ALTCHA)
 * that must be fresh, solved, this server's, used once and not sent sooner than a person could fill the form; a
 * honeypot; and a stricter limit for forms sent without the proof (no JavaScript). Every refusal says why and
 * writes nothing, on the JSON route and on the site's own page.
 */
describe('abuse controls on the information request form', () => {
  let t: TestApp;
  let opd: Tenant;
  let client = 0;
  const citizen = {
    name: 'Bambang Suprapto',
    address: 'Jl. Ikan Hiu No. 4, Teluk Betung Selatan',
    email: 'bambang.suprapto@contoh.id',
    information: 'Jadwal pengerukan sungai di Teluk Betung tahun 2027',
    purpose: 'Persiapan warga menghadapi musim hujan',
    delivery: 'email',
  };
  const count = async () =>
    (await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM information_requests`))[0]!
      .n;
  /** Each call from a client address of its own, so only the rule under test can refuse it. */
  const send = (body: object) =>
    t
      .http()
      .post(`/api/v1/public/${opd.slug}/ppid/requests`)
      .set('X-Forwarded-For', `10.7.0.${++client}`)
      .send({ ...citizen, ...body });
  const refusal = (answer: { status: number; body: { code?: string } }) => ({
    status: answer.status,
    code: answer.body.code,
  });

  beforeAll(async () => {
    // A person needs at least two seconds to fill the form.
    t = await startTestApp({ TRUST_PROXY: 'loopback', FORM_MIN_FILL_SECONDS: '2' });
    opd = await t.given.tenant();
  });
  afterAll(() => t.close());

  it('takes a solved challenge once, after the least fill time, and refuses it sooner or again', async () => {
    const before = await count();
    const proof = await solvedProof(t, opd.slug);
    const early = await send({ altcha: proof });
    expect(refusal(early)).toEqual({ status: 400, code: 'FORM_TOO_FAST' });
    expect(early.body.message).toContain('terlalu cepat');
    expect(await count()).toBe(before);
    // The same proof again once the fill time has passed (as a person would send it): taken.
    const started = Date.now();
    let taken = await send({ altcha: proof });
    while (taken.body.code === 'FORM_TOO_FAST' && Date.now() - started < 30_000)
      taken = await send({ altcha: proof });
    expect(taken.status).toBe(201);
    expect(await count()).toBe(before + 1);
    const replayed = await send({ altcha: proof });
    expect(refusal(replayed)).toEqual({ status: 400, code: 'CHALLENGE_FAILED' });
    expect(await count()).toBe(before + 1);
  });

  it('refuses a proof that is forged, unsolved or not a proof at all, naming what to do', async () => {
    const before = await count();
    const challenge = (await t.http().get(`/api/v1/public/${opd.slug}/ppid/requests/challenge`))
      .body as Challenge;
    const solved = JSON.parse(Buffer.from(await encodeProof(challenge), 'base64').toString()) as {
      challenge: Challenge;
      solution: { counter: number; derivedKey: string };
    };
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
    const forged = [
      // A key never derived (the work not done), however the counter is given.
      encode({ ...solved, solution: { counter: solved.solution.counter, derivedKey: '00'.repeat(32) } }),
      encode({ ...solved, challenge: { ...solved.challenge, signature: 'a'.repeat(64) } }),
      encode({
        ...solved,
        challenge: { ...solved.challenge, parameters: { ...solved.challenge.parameters, cost: 1 } },
      }),
      encode({ challenge: solved.challenge }),
      'bukan-bukti',
    ];
    for (const altcha of forged) {
      const answer = await send({ altcha });
      expect(refusal(answer)).toEqual({ status: 400, code: 'CHALLENGE_FAILED' });
      expect(answer.body.message).toContain('muat ulang halaman');
    }
    expect(await count()).toBe(before);
  });

  it('refuses a form whose honeypot is filled, before counting it against anyone', async () => {
    const before = await count();
    const bot = await send({ website: 'https://jual-obat.example' });
    expect(refusal(bot)).toEqual({ status: 400, code: 'HONEYPOT_FILLED' });
    expect(await count()).toBe(before);
    const page = await t
      .http()
      .post('/api/v1/site-pages/ppid/permohonan')
      .set('X-Laman-Site-Host', `${opd.slug}.localhost`)
      .set('X-Forwarded-For', `10.7.1.1`)
      .type('form')
      .send({ ...citizen, website: 'https://jual-obat.example' });
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('kolom yang seharusnya kosong terisi');
    expect(page.text).toContain(`value="${citizen.name}"`);
    expect(await count()).toBe(before);
  });

  it('takes forms without the proof (no JavaScript) under a stricter limit: two an hour per client', async () => {
    const before = await count();
    const address = '10.7.2.1';
    const plain = () =>
      t.http().post(`/api/v1/public/${opd.slug}/ppid/requests`).set('X-Forwarded-For', address).send(citizen);
    expect((await plain()).status).toBe(201);
    expect((await plain()).status).toBe(201);
    expect(refusal(await plain())).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(await count()).toBe(before + 2);
  });

  it("serves challenges at the site's own address, for the widget on its PPID page", async () => {
    const answer = await t
      .http()
      .get('/api/v1/site-pages/ppid/permohonan/tantangan')
      .set('X-Laman-Site-Host', `${opd.slug}.localhost`);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toMatchObject({
      parameters: { algorithm: 'PBKDF2/SHA-256', data: { form: 'ppid-request' } },
      signature: expect.any(String),
    });
    const elsewhere = await t
      .http()
      .get('/api/v1/site-pages/ppid/permohonan/tantangan')
      .set('X-Laman-Site-Host', 'tidak-ada.localhost');
    expect(elsewhere.status).toBe(404);
  });

  it('refuses gambling promotion in every free-text field a citizen writes, naming the field, writing nothing', async () => {
    const PROMOTION = 'Info slot gacor maxwin hari ini, daftar sekarang!';
    const requests = await count();
    for (const field of ['information', 'purpose']) {
      const sent = await send({ [field]: `${citizen.information} ${PROMOTION}` });
      expect([field, sent.status, sent.body.details?.[0]?.field]).toEqual([field, 400, field]);
      expect(sent.body.details[0].constraint).toBe('freeOfSpam');
    }
    expect(await count()).toBe(requests);
    // On a request already made: the clarification and the objection.
    const made = await send({});
    expect(made.status).toBe(201);
    const lookup = { code: made.body.code, contact: citizen.email };
    const events = async () =>
      (
        await asSuperuser<{ n: number }>(
          t.database,
          `SELECT count(*)::int AS n FROM information_request_events e JOIN information_requests r ON r.id = e.request_id
            WHERE r.code = $1`,
          [made.body.code],
        )
      )[0]!.n;
    const before = await events();
    for (const [route, body] of [
      ['clarification', { ...lookup, message: PROMOTION }],
      ['objection', { ...lookup, reasons: ['not_as_asked'], statement: PROMOTION }],
    ] as const) {
      const sent = await t
        .http()
        .post(`/api/v1/public/${opd.slug}/ppid/requests/${route}`)
        .set('X-Forwarded-For', `10.7.3.${++client}`)
        .send(body);
      expect([route, sent.status, sent.body.details?.[0]?.constraint]).toEqual([route, 400, 'freeOfSpam']);
    }
    expect(await events()).toBe(before);
    // The page names the field beside it, with the citizen's words kept.
    const page = await t
      .http()
      .post('/api/v1/site-pages/ppid/permohonan')
      .set('X-Laman-Site-Host', `${opd.slug}.localhost`)
      .set('X-Forwarded-For', `10.7.3.${++client}`)
      .type('form')
      .send({ ...citizen, purpose: PROMOTION });
    expect(page.status).toBe(400);
    expect(page.text).toContain('id="f-purpose-error"');
    expect(page.text).toContain('promosi judi online');
    expect(await count()).toBe(requests + 1);
  });
});
