import { wibDay } from '../../src/core/time/wib';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn } from '../helpers/given';
import { citizenRequest, memberWithDuty, ppidStep } from '../helpers/ppid';
import { asSuperuser } from '../helpers/superuser';
import { pdfText } from '../helpers/pdf-text';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The request register and the yearly service report, generated from the requests: figures worked out by hand
 * for requests received on Monday 2 November 2026 (no holiday that month), due Monday 16 November; the year is
 * the WIB year; no personal data in either; the register for the OPD's PPID roles, the report for everyone.
 */
describe('the PPID register and the yearly report', () => {
  let t: TestApp;
  let opd: Tenant;
  let other: Tenant;
  let officer: SignedIn;
  let superior: SignedIn;
  const citizen = {
    name: 'Hendra Gunawan',
    address: 'Jl. Sultan Agung No. 3, Way Halim',
    email: 'hendra.gunawan@contoh.id',
    information: 'Data jumlah akta kelahiran yang terbit per bulan',
    purpose: 'Penelitian skripsi kependudukan',
    delivery: 'email',
  };
  const registered = async (tenant: Tenant, at: string) => {
    const request = await citizenRequest(t, tenant, citizen);
    await asSuperuser(
      t.database,
      `UPDATE information_requests SET received_at = $1, due_on = $2 WHERE id = $3`,
      [at, '2026-11-16', request.id],
    );
    return request;
  };
  const decide = async (id: string, outcome: string) => {
    const answered = await ppidStep(t, opd, officer, id, 'decision', {
      outcome,
      message: 'Jawaban PPID atas permohonan ini.',
    });
    expect(answered.status).toBe(200);
  };
  const answeredOn = (id: string, at: string) =>
    asSuperuser(t.database, `UPDATE information_requests SET answered_at = $1 WHERE id = $2`, [at, id]);
  const report = (tenant: Tenant, year: number | string) =>
    t.http().get(`/api/v1/public/${tenant.slug}/ppid/report?year=${year}`);

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    opd = await t.given.tenant();
    other = await t.given.tenant();
    officer = await memberWithDuty(t, opd, 'ppid_officer');
    superior = await memberWithDuty(t, opd, 'ppid_superior');

    const granted = await registered(opd, '2026-11-02T09:00:00+07:00');
    await decide(granted.id, 'granted');
    await answeredOn(granted.id, '2026-11-05T10:00:00+07:00'); // 3 working days
    const late = await registered(opd, '2026-11-02T09:30:00+07:00');
    await decide(late.id, 'not_held');
    await registered(opd, '2026-11-02T10:00:00+07:00'); // unanswered, past its due day
    const moved = await registered(opd, '2026-11-02T11:00:00+07:00');
    const forwarded = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/requests/${moved.id}/forward`)
      .set(officer.auth)
      .send({ tenant: other.slug, message: 'Informasi ini dikuasai OPD lain.' });
    expect(forwarded.status).toBe(200);
    // The WIB year: 23:30 WIB on 31 December 2025 is 2025's; 00:30 WIB on 1 January 2026 is 2026's.
    await registered(opd, '2025-12-31T23:30:00+07:00');
    await registered(opd, '2026-01-01T00:30:00+07:00');
    // An objection to the late answer, on the JSON route as the status page sends it.
    const objected = await t
      .http()
      .post(`/api/v1/public/${opd.slug}/ppid/requests/objection`)
      .send({
        code: late.code,
        contact: citizen.email,
        reasons: ['late'],
        statement: 'Jawaban datang terlambat.',
      });
    expect(objected.status).toBe(200);
    // Dated after the objection, whose window counts from the answer: the test holds in any year.
    await answeredOn(late.id, '2026-11-17T08:00:00+07:00'); // 11 working days, a day late
  });
  afterAll(() => t.close());

  it('gives everyone the year’s figures, computed from the requests, and nothing personal', async () => {
    const answer = await report(opd, 2026);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      year: 2026,
      asOf: wibDay(new Date()),
      // Four on 2 November and the one of 1 January; the forwarded request's copy counts at the other OPD.
      received: 5,
      granted: 1,
      partlyGranted: 0,
      refused: 0,
      notHeld: 1,
      forwarded: 1,
      open: 2,
      refusedBy: [],
      // The answer of 17 November, the forward made today (after the due day), and the two unanswered.
      late: 4,
      averageWorkingDays: 7,
      longestWorkingDays: 11,
      objections: { filed: 1, upheld: 0, rejected: 0, open: 1 },
    });
    for (const text of [citizen.name, citizen.email, citizen.address, citizen.information])
      expect(JSON.stringify(answer.body)).not.toContain(text);
    expect((await report(other, 2026)).body).toMatchObject({ received: 1, open: 1, forwarded: 0 });
  });

  it('publishes the same figures as a PDF on the site, line by line, with nothing personal', async () => {
    const document = await t
      .http()
      .get('/api/v1/site-pages/ppid/laporan/2026.pdf')
      .set('X-Laman-Site-Host', `${opd.slug}.localhost`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(document.status).toBe(200);
    expect(document.headers['content-type']).toBe('application/pdf');
    expect(document.headers['content-disposition']).toBe(
      `attachment; filename="laporan-ppid-${opd.slug}-2026.pdf"`,
    );
    const body = document.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const shown = pdfText(body);
    expect(shown[0]).toBe('Laporan layanan informasi publik 2026');
    const figureAfter = (label: string) => shown[shown.indexOf(label) + 1];
    expect(figureAfter('Permohonan diterima')).toBe('5');
    expect(figureAfter('Melewati batas waktu')).toBe('4');
    expect(figureAfter('Waktu jawab terlama (hari kerja)')).toBe('11');
    for (const text of [citizen.name, citizen.email, citizen.address])
      expect(body.toString('latin1')).not.toContain(text);
    expect(shown.join(' ')).not.toContain(citizen.name);
  });

  it('refuses a year outside the register, naming the field', async () => {
    for (const year of [2025, Number(wibDay(new Date()).slice(0, 4)) + 1, 'dua']) {
      const refused = await report(opd, year);
      expect({ year, status: refused.status }).toEqual({ year, status: 400 });
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual(['year']);
    }
    expect((await t.http().get(`/api/v1/public/tidak-ada/ppid/report?year=2026`)).status).toBe(404);
  });

  it('lists the register to the PPID roles only, oldest first, without the requester’s data', async () => {
    const register = (who: SignedIn, tenant = opd) =>
      t.http().get(`/api/v1/tenants/${tenant.slug}/ppid/register?year=2026`).set(who.auth);
    for (const who of [officer, superior]) {
      const seen = await register(who);
      expect(seen.status).toBe(200);
      expect(seen.body.total).toBe(5);
      expect(seen.body.items.map((row: { receivedOn: string }) => row.receivedOn)).toEqual([
        '2026-01-01',
        '2026-11-02',
        '2026-11-02',
        '2026-11-02',
        '2026-11-02',
      ]);
      expect(seen.body.items.map((row: { status: string }) => row.status)).toEqual([
        'received',
        'granted',
        'not_held',
        'received',
        'forwarded',
      ]);
      expect(seen.body.items[2]).toMatchObject({ objectionReasons: ['late'], objectionOutcome: null });
      expect(seen.body.items[4].forwardedToCode).toMatch(/^PPID-/);
      for (const text of [citizen.name, citizen.email, citizen.address])
        expect(JSON.stringify(seen.body)).not.toContain(text);
    }
    const admin = await t.given.memberSignedIn(opd, 'tenant_admin');
    expect((await register(admin)).status).toBe(403);
    const otherOfficer = await memberWithDuty(t, other, 'ppid_officer');
    const theirs = await register(otherOfficer, other);
    expect(theirs.body.items.map((row: { forwardedFromCode: string }) => row.forwardedFromCode)).toEqual([
      expect.stringMatching(/^PPID-/),
    ]);
  });
});
