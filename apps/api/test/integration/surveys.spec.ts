import { SKM_ELEMENTS } from '@laman/shared';
import { ScoreHistoryService } from '../../src/modules/oversight/score-history.service';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { solvedProof } from '../helpers/form-proof';
import { type SignedIn } from '../helpers/given';
import { createItem, publishItem } from '../helpers/sample-site';
import { wibDay } from '../../src/core/time/wib';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The satisfaction survey (SKM) of an OPD's published services: anonymous answers through the public API and
 * the site's pages, each refusal clear and writing nothing, and the index per service and per OPD computed as
 * Permenpan RB 14/2017 says, with the minimum number of respondents beside the count.
 */
describe('satisfaction survey (SKM)', () => {
  let t: TestApp;
  let opd: Tenant;
  let other: Tenant;
  let editor: SignedIn;
  let service: { slug: string };
  let otherService: { slug: string };
  const answersOf = (values: number[]) =>
    Object.fromEntries(SKM_ELEMENTS.map((element, i) => [element.name, values[i]]));
  let address = 0;
  /** Each call from an address of its own, unless told: the per-client limits of one test do not reach another. */
  const send = (body: object, tenant: Tenant = opd, from = `10.7.0.${++address}`) =>
    t.http().post(`/api/v1/public/${tenant.slug}/surveys/responses`).set('X-Forwarded-For', from).send(body);
  const results = (tenant: Tenant, period?: string) =>
    t.http().get(`/api/v1/public/${tenant.slug}/surveys/results${period ? `?period=${period}` : ''}`);
  const count = async () =>
    (await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM survey_responses`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    opd = await t.given.tenant();
    other = await t.given.tenant();
    editor = await t.given.memberSignedIn(opd, 'editor');
    service = await publishItem(t, opd, editor, 'layanan', {
      ...sampleFields('layanan', 'Penerbitan Kartu Keluarga'),
      annualUsers: 400,
    });
    const otherEditor = await t.given.memberSignedIn(other, 'editor');
    otherService = await publishItem(
      t,
      other,
      otherEditor,
      'layanan',
      sampleFields('layanan', 'Izin Usaha Mikro'),
    );
  });
  afterAll(() => t.close());

  it('takes answers and computes the index per element, per service and for the OPD', async () => {
    const answered = [
      [4, 3, 4, 4, 3, 4, 4, 2, 3],
      [3, 3, 3, 4, 4, 4, 4, 3, 3],
      [4, 2, 3, 4, 3, 3, 4, 1, 2],
    ];
    for (const values of answered) {
      const sent = await send({
        service: service.slug,
        ...answersOf(values),
        sex: 'perempuan',
        ageBand: '30_39',
      });
      expect(sent.status).toBe(204);
    }
    const today = wibDay(new Date());
    const year = today.slice(0, 4);
    const answer = await results(opd, year);
    expect(answer.status).toBe(200);
    // NRR per element: sums 11, 8, 10, 12, 10, 11, 12, 6, 8 over 3; index = mean × 25 = 88/27 × 25 = 81.48.
    const expected = {
      respondents: 3,
      elements: [3.67, 2.67, 3.33, 4, 3.33, 3.67, 4, 2, 2.67],
      index: 81.48,
      grade: { grade: 'B', label: 'Baik' },
      // Krejcie–Morgan for the 400 people the service serves in a year.
      minimumRespondents: 196,
      enough: false,
    };
    expect(answer.body.opd).toEqual(expected);
    expect(answer.body.services).toEqual([
      { title: 'Penerbitan Kartu Keluarga', slug: service.slug, ...expected },
    ]);
    // A quarter serves a quarter of the year's people: a smaller sample is needed.
    const quarter = `${year}-T${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    expect((await results(opd, quarter)).body.opd.minimumRespondents).toBe(80);
  });

  it('keeps nothing that identifies the respondent', async () => {
    const rows = await asSuperuser<Record<string, unknown>>(t.database, `SELECT * FROM survey_responses`);
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/10\.7\.0\.\d+/);
  });

  it("never mixes OPDs: another OPD's service is not found here, and its answers never count here", async () => {
    const before = await count();
    const sent = await send({ service: otherService.slug, ...answersOf(Array(9).fill(1)) });
    expect(sent.status).toBe(404);
    expect(sent.body.code).toBe('SERVICE_NOT_FOUND');
    expect(await count()).toBe(before);
    expect((await send({ service: otherService.slug, ...answersOf(Array(9).fill(1)) }, other)).status).toBe(
      204,
    );
    expect((await results(opd)).body.opd.respondents).toBe(3);
    expect((await results(other)).body.opd).toMatchObject({
      respondents: 1,
      index: 25,
      grade: { grade: 'D' },
    });
  });

  it('refuses a service that is not published', async () => {
    const draft = await createItem(t, opd, editor, 'layanan', sampleFields('layanan', 'Layanan Draf'));
    const sent = await send({ service: draft.slug, ...answersOf(Array(9).fill(4)) });
    expect(sent.status).toBe(404);
  });

  it('takes the same answers from the same place once a day (a second press of the button)', async () => {
    const form = { service: service.slug, ...answersOf([2, 2, 2, 2, 2, 2, 2, 2, 2]) };
    expect((await send(form, opd, '10.8.0.1')).status).toBe(204);
    const before = await count();
    const again = await send(form, opd, '10.8.0.1');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SURVEY_DUPLICATE');
    expect(await count()).toBe(before);
    // Another respondent at the same counter tablet, with answers of their own, is taken.
    expect((await send({ ...form, u1: 3 }, opd, '10.8.0.1')).status).toBe(204);
  });

  it('names every answer that is missing or out of range, and writes nothing', async () => {
    const before = await count();
    for (const element of SKM_ELEMENTS)
      for (const wrong of [undefined, 0, 5, 2.5, 'baik']) {
        const sent = await send({
          service: service.slug,
          ...answersOf(Array(9).fill(3)),
          [element.name]: wrong,
        });
        expect([element.name, wrong, sent.status]).toEqual([element.name, wrong, 400]);
        expect(sent.body.details.map((detail: { field: string }) => detail.field)).toEqual([element.name]);
      }
    for (const [field, wrong] of [
      ['ageBand', '99'],
      ['sex', 'x'],
      ['education', 'phd'],
      ['occupation', 'bot'],
      ['suggestion', 'x'.repeat(1001)],
      ['service', '../etc'],
    ]) {
      const sent = await send({ service: service.slug, ...answersOf(Array(9).fill(3)), [field!]: wrong });
      expect([field, sent.status]).toEqual([field, 400]);
    }
    expect(await count()).toBe(before);
  });

  it('refuses gambling promotion in the suggestion, naming the field, and a filled honeypot', async () => {
    const before = await count();
    const spam = await send({
      service: service.slug,
      ...answersOf(Array(9).fill(4)),
      suggestion: 'Daftar sekarang di situs slot gacor maxwin terpercaya!',
    });
    expect(spam.status).toBe(400);
    expect(spam.body.details[0]).toMatchObject({ field: 'suggestion', constraint: 'freeOfSpam' });
    const bot = await send({ service: service.slug, ...answersOf(Array(9).fill(4)), website: 'http://x' });
    expect(bot.status).toBe(400);
    expect(bot.body.code).toBe('HONEYPOT_FILLED');
    expect(await count()).toBe(before);
    // A respondent who complains about gambling is heard.
    const complaint = await send({
      service: service.slug,
      ...answersOf(Array(9).fill(3)),
      suggestion: 'Tolong tertibkan iklan judi online di dekat kantor.',
    });
    expect(complaint.status).toBe(204);
  });

  it('takes few answers without the proof of work from one address, then 429 with Retry-After', async () => {
    const from = '10.9.9.9';
    const answers = [];
    for (let i = 0; i < 7; i++) {
      const form = { service: service.slug, ...answersOf(Array(9).fill(4)), suggestion: `Saran ke-${i}` };
      answers.push(await send(form, opd, from));
    }
    expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204, 204, 204, 429, 429]);
    expect(Number(answers[5]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[5]!.body.code).toBe('RATE_LIMITED');
  });

  it("takes answers with the survey's proof of work past the stricter limit, and refuses another form's proof", async () => {
    const from = '10.9.9.10';
    for (let i = 0; i < 7; i++) {
      const altcha = await solvedProof(t, opd.slug, 'surveys');
      const form = {
        service: service.slug,
        ...answersOf(Array(9).fill(3)),
        suggestion: `Bukti ke-${i}`,
        altcha,
      };
      expect([i, (await send(form, opd, from)).status]).toEqual([i, 204]);
    }
    const before = await count();
    const ppidProof = await solvedProof(t, opd.slug);
    const borrowed = await send({ service: service.slug, ...answersOf(Array(9).fill(2)), altcha: ppidProof });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.code).toBe('CHALLENGE_FAILED');
    expect(await count()).toBe(before);
  });

  it('ticks the completeness check of the survey once the sample is whole, on the kept score too', async () => {
    const small = await t.given.tenant();
    const smallEditor = await t.given.memberSignedIn(small, 'editor');
    const counter = await publishItem(t, small, smallEditor, 'layanan', {
      ...sampleFields('layanan', 'Legalisir Dokumen'),
      annualUsers: 3,
    });
    const monitor = await t.given.platformSignedIn('monitor');
    const recorder = t.app.get(ScoreHistoryService);
    const drain = async () => {
      while ((await recorder.recordDue(new Date())) > 0);
    };
    const surveyCheck = async () => {
      const kept = (
        await t.http().get('/api/v1/admin/oversight?limit=200').set(monitor.auth)
      ).body.items.find((entry: { slug: string }) => entry.slug === small.slug);
      return kept.checks.find((check: { code: string }) => check.code === 'services.survey');
    };
    await drain();
    // Three people a year: all three must answer (Krejcie–Morgan keeps the whole of a tiny population).
    expect(await surveyCheck()).toMatchObject({ met: false, values: { minimum: 3, respondents: 0 } });
    for (const value of [2, 3, 4]) {
      expect((await send({ service: counter.slug, ...answersOf(Array(9).fill(value)) }, small)).status).toBe(
        204,
      );
      await drain();
    }
    expect(await surveyCheck()).toMatchObject({ met: true, values: { minimum: 3, respondents: 3 } });
  });

  it("describes the period's respondents, and shows their suggestions to the OPD's editors alone", async () => {
    const answer = (await results(opd)).body;
    const sex = Object.fromEntries(
      answer.profile.sex.map((row: { value: string | null; count: number }) => [row.value, row.count]),
    );
    // Three answered "perempuan" in the first test; the rest left it out.
    expect(sex['perempuan']).toBe(3);
    expect(sex['laki_laki']).toBe(0);
    expect(sex['null']).toBe(answer.opd.respondents - 3);
    expect(answer.profile.ageBand.find((row: { value: string }) => row.value === '30_39').count).toBe(3);
    const suggestions = (who: SignedIn) =>
      t.http().get(`/api/v1/tenants/${opd.slug}/surveys/suggestions?limit=100`).set(who.auth);
    const read = await suggestions(editor);
    expect(read.status).toBe(200);
    expect(read.body.items.map((item: { suggestion: string }) => item.suggestion)).toContain(
      'Tolong tertibkan iklan judi online di dekat kantor.',
    );
    expect(read.body.items[0]).toEqual({
      submittedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      serviceTitle: 'Penerbitan Kartu Keluarga',
      suggestion: expect.any(String),
    });
    expect((await suggestions(await t.given.memberSignedIn(opd, 'contributor'))).status).toBe(403);
    expect((await suggestions(await t.given.memberSignedIn(other, 'editor'))).status).toBe(403);
  });

  it('answers only periods that have begun, named as the regulation does', async () => {
    for (const period of ['2025', '2099', '2026-Q1', 'tahun-ini', '2026-S3'])
      expect([period, (await results(opd, period)).status]).toEqual([period, 400]);
    expect((await results(opd, '2026-S1')).body.periodLabel).toBe('Semester I 2026');
  });
});
