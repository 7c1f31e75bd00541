import { wibDay } from '../../src/core/time/wib';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { asSuperuser } from '../helpers/superuser';
import { eventually } from '../helpers/eventually';
import { startSmtpInbox } from '../helpers/smtp-inbox';
import { formatTanggal } from '@laman/shared';
import { solvedProof } from '../helpers/form-proof';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** A citizen asks an OPD for information: registered with a code and the legal clock, their data sealed. */
describe('information requests (PPID) from citizens', () => {
  let t: TestApp;
  let opd: Tenant;
  let other: Tenant;
  let documented: string[];

  const citizen = {
    name: 'Siti Aminah Hasibuan',
    address: 'Jl. Teuku Umar No. 17, Kedaton',
    email: 'siti.aminah@contoh.id',
    phone: '0812-7788-9900',
    information: 'Daftar penerima bantuan sosial Kelurahan Kedaton tahun 2026',
    purpose: 'Penelitian skripsi tentang ketepatan sasaran bantuan sosial',
    delivery: 'email',
  };
  const requestsOf = (tenant: Tenant) => `/api/v1/public/${tenant.slug}/ppid/requests`;
  const rows = () =>
    asSuperuser<Record<string, unknown>>(
      t.database,
      `SELECT * FROM information_requests ORDER BY received_at`,
    );

  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url });
    opd = await t.given.tenant();
    other = await t.given.tenant();
    const doc = (await t.http().get('/api/docs.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    documented = Object.entries(doc.paths)
      .filter(([path, operations]) => path.startsWith('/api/v1/public/') && 'get' in operations)
      .map(([path]) => path);
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  let code: string;

  it('registers a request with a tracking code and its answer due in 10 working days', async () => {
    const response = await t.http().post(requestsOf(opd)).send(citizen);
    expect(response.status).toBe(201);
    code = response.body.code;
    expect(code).toMatch(/^PPID-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const today = wibDay(new Date());
    const calendar = await t.app.get(CalendarService).calendar(Number(today.slice(0, 4)));
    expect(response.body).toMatchObject({
      status: 'received',
      statusLabel: 'Diterima, sedang diproses',
      dueOn: calendar.addWorkingDays(today, 10),
    });
    expect(calendar.workingDaysBetween(today, response.body.dueOn)).toBe(10);
    expect(JSON.stringify(response.body)).not.toContain('Siti');
    // The receipt by e-mail, through a real SMTP server: the code and the deadline in words.
    const [receipt] = await eventually(
      async () => inbox.mails.filter((mail) => mail.subject.includes(code)),
      (mails) => mails.length === 1,
      { withinMs: 10_000 },
    );
    expect(receipt!.to).toEqual([citizen.email]);
    expect(receipt!.text).toContain(`Nomor pendaftaran: ${code}`);
    expect(receipt!.text).toContain(formatTanggal(response.body.dueOn));
    expect(formatTanggal(response.body.dueOn)).toMatch(
      /^(Senin|Selasa|Rabu|Kamis|Jumat), \d{1,2} \w+ \d{4}$/,
    );
  });

  it('keeps the personal data sealed: no name, address, e-mail or phone in the clear in the database', async () => {
    const [row] = await rows();
    const stored = JSON.stringify(row);
    for (const secret of ['Siti', 'Hasibuan', 'Teuku Umar', 'siti.aminah', 'contoh.id', '7788', '9900'])
      expect({ secret, found: stored.includes(secret) }).toEqual({ secret, found: false });
    expect(row).toMatchObject({
      information: citizen.information,
      purpose: citizen.purpose,
      status: 'received',
    });
    expect(String(row!.requester_name)).toMatch(/^pd1\./);
  });

  it('shows the status to whoever has the code and the contact, typed any way, and to no one else', async () => {
    const status = (tenant: Tenant, body: object) =>
      t
        .http()
        .post(`${requestsOf(tenant)}/status`)
        .send(body);
    for (const contact of [
      'siti.aminah@contoh.id',
      ' SITI.AMINAH@contoh.id ',
      '+62 812 7788 9900',
      '081277889900',
    ]) {
      const found = await status(opd, { code: code.toLowerCase(), contact });
      expect({ contact, status: found.status, code: found.body.code }).toEqual({
        contact,
        status: 200,
        code,
      });
      expect(JSON.stringify(found.body)).not.toMatch(/Siti|Teuku|contoh\.id|7788/);
    }
    const wrongContact = await status(opd, { code, contact: 'orang.lain@contoh.id' });
    const wrongCode = await status(opd, { code: 'PPID-0000-0000', contact: citizen.email });
    // Another OPD does not know this request, even with the right code and contact.
    const elsewhere = await status(other, { code, contact: citizen.email });
    for (const answer of [wrongContact, wrongCode, elsewhere]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'REQUEST_NOT_FOUND', message: wrongContact.body.message });
    }
  });

  it('never shows personal data on any public read route', async () => {
    expect(documented.length).toBeGreaterThan(5);
    for (const template of documented) {
      const path = template
        .replace('{tenant}', opd.slug)
        .replace('{type}', 'berita')
        .replace('{slug}', 'tidak-ada')
        .replace('{name}', 'full.jpg')
        .replace('{id}', '00000000-0000-4000-8000-000000000000');
      const response = await t.http().get(`${path}${path.includes('site-address') ? '?host=x.example' : ''}`);
      const body = response.text ?? '';
      expect({ path, leaks: /Siti|Hasibuan|Teuku Umar|siti\.aminah|7788-9900/.test(body) }).toEqual({
        path,
        leaks: false,
      });
    }
  });

  it('names the field and the reason for each bad form, and writes nothing', async () => {
    const before = (await rows()).length;
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ name: 'Si' }, 'name', 'minLength'],
      [{ address: undefined }, 'address', 'isDefined'],
      [{ email: 'bukan-surel' }, 'email', 'isEmail'],
      [{ phone: '0000000000' }, 'phone', 'isIndonesianPhone'],
      [{ information: 'data' }, 'information', 'minLength'],
      [{ purpose: 'x'.repeat(1001) }, 'purpose', 'maxLength'],
      [{ delivery: 'fax' }, 'delivery', 'isIn'],
      [{ email: undefined, phone: undefined, delivery: 'pickup' }, 'email', 'contactRequired'],
      [{ email: undefined, delivery: 'email' }, 'email', 'emailForDelivery'],
      [{ role: 'admin' }, 'role', 'unknownField'],
    ];
    for (const [change, field, constraint] of cases) {
      const response = await t
        .http()
        .post(requestsOf(opd))
        .send({ ...citizen, ...change });
      expect({ change, status: response.status, detail: response.body.details?.[0] }).toEqual({
        change,
        status: 400,
        detail: expect.objectContaining({ field, constraint, message: expect.any(String) }),
      });
    }
    expect((await rows()).length).toBe(before);
  });

  it('refuses an unknown or suspended OPD', async () => {
    const suspended = await t.given.tenant(undefined, { status: 'suspended' });
    for (const slug of ['tidak-ada', suspended.slug]) {
      const response = await t.http().post(`/api/v1/public/${slug}/ppid/requests`).send(citizen);
      expect({ slug, status: response.status }).toEqual({ slug, status: 404 });
    }
  });

  it('stops one client after two requests an hour without the proof of work, five with it; Retry-After, nothing written', async () => {
    const before = (await rows()).length;
    // One request was registered above from this client, without the proof: one more passes, then 429.
    expect((await t.http().post(requestsOf(other)).send(citizen)).status).toBe(201);
    const unproven = await t.http().post(requestsOf(other)).send(citizen);
    expect(unproven.status).toBe(429);
    expect(Number(unproven.headers['retry-after'])).toBeGreaterThan(0);
    expect(unproven.body.code).toBe('RATE_LIMITED');
    // With the proof of work (a browser running the widget): up to five an hour in all.
    for (let index = 0; index < 3; index++) {
      const proven = await t
        .http()
        .post(requestsOf(other))
        .send({ ...citizen, altcha: await solvedProof(t, other.slug) });
      expect(proven.status).toBe(201);
    }
    const refused = await t
      .http()
      .post(requestsOf(other))
      .send({ ...citizen, altcha: await solvedProof(t, other.slug) });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect((await rows()).length).toBe(before + 4);
  });

  it("opens the queue to the OPD's PPID officers alone, with each clock, and audits every look at personal data", async () => {
    const admin = await t.given.memberSignedIn(opd, 'tenant_admin');
    const officer = await t.given.memberSignedIn(opd, 'contributor');
    const queuePath = `/api/v1/tenants/${opd.slug}/ppid/requests`;
    // Before the duty: a contributor, the OPD's admin, a platform admin and a monitor are all refused.
    const platform = await t.given.platformSignedIn('platform_admin');
    const monitor = await t.given.platformSignedIn('monitor');
    for (const who of [officer, admin, platform, monitor]) {
      const refused = await t.http().get(queuePath).set(who.auth);
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 403,
        code: 'DUTY_REQUIRED',
      });
    }

    const given = await t
      .http()
      .put(`/api/v1/tenants/${opd.slug}/users/${officer.user.id}/duties`)
      .set(admin.auth)
      .send({ duties: ['ppid_officer'] });
    expect(given.status).toBe(200);
    expect(given.body.duties).toEqual(['ppid_officer']);

    const queue = await t.http().get(queuePath).set(officer.auth);
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(1);
    const [entry] = queue.body.items;
    expect(entry).toMatchObject({ code, status: 'received', overdue: false, workingDaysLeft: 10 });
    expect(JSON.stringify(queue.body)).not.toMatch(/Siti|Teuku|contoh\.id|7788/);

    const opened = await t.http().get(`${queuePath}/${entry.id}`).set(officer.auth);
    expect(opened.status).toBe(200);
    expect(opened.body.requester).toEqual({
      name: citizen.name,
      address: citizen.address,
      email: citizen.email,
      phone: citizen.phone,
    });
    const [seen] = await asSuperuser<{ actor_user_id: string; target_id: string }>(
      t.database,
      `SELECT actor_user_id, target_id FROM audit_events WHERE action = 'ppid.personal_data_viewed'`,
    );
    expect(seen).toEqual({ actor_user_id: officer.user.id, target_id: entry.id });

    // Another OPD's officer finds nothing of this OPD's, through its own OPD or this one.
    const stranger = await t.given.memberSignedIn(other, 'contributor');
    await t
      .http()
      .put(`/api/v1/tenants/${other.slug}/users/${stranger.user.id}/duties`)
      .set((await t.given.memberSignedIn(other, 'tenant_admin')).auth)
      .send({ duties: ['ppid_officer'] });
    const viaOwn = await t
      .http()
      .get(`/api/v1/tenants/${other.slug}/ppid/requests/${entry.id}`)
      .set(stranger.auth);
    expect(viaOwn.status).toBe(404);
    expect((await t.http().get(`${queuePath}/${entry.id}`).set(stranger.auth)).status).toBe(403);

    // Time passes without an answer: the request is overdue.
    await asSuperuser(t.database, `UPDATE information_requests SET due_on = due_on - 30 WHERE id = $1`, [
      entry.id,
    ]);
    const late = (await t.http().get(queuePath).set(officer.auth)).body.items[0];
    expect(late).toMatchObject({ overdue: true, workingDaysLeft: null });

    // The duty taken away: refused again at once.
    await t
      .http()
      .put(`/api/v1/tenants/${opd.slug}/users/${officer.user.id}/duties`)
      .set(admin.auth)
      .send({ duties: [] });
    expect((await t.http().get(queuePath).set(officer.auth)).status).toBe(403);
    const bad = await t
      .http()
      .put(`/api/v1/tenants/${opd.slug}/users/${officer.user.id}/duties`)
      .set(admin.auth)
      .send({ duties: ['kepala_dinas'] });
    expect({ status: bad.status, field: bad.body.details?.[0]?.field }).toEqual({
      status: 400,
      field: 'duties',
    });
  });
});
