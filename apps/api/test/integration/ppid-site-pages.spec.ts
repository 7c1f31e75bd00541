import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { memberWithDuty } from '../helpers/ppid';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The information request pages behind every OPD site's address (`/ppid/permohonan…`): forms posted without
 * JavaScript, answered with pages in Bahasa Indonesia, each failure saying what to fix and writing nothing,
 * no page showing personal data.
 */
describe('information request pages of an OPD site (no JavaScript)', () => {
  let t: TestApp;
  let opd: Tenant;
  const PAGES = '/api/v1/site-pages/ppid/permohonan';
  const citizen = {
    name: 'Rahmat Hidayat',
    address: 'Jl. Pagar Alam No. 9, Kedaton',
    email: 'rahmat.hidayat@contoh.id',
    phone: '',
    information: 'Laporan realisasi anggaran dinas tahun 2025',
    purpose: 'Bahan diskusi forum warga tentang anggaran',
    delivery: 'email',
  };
  const personal = [citizen.name, citizen.address, citizen.email];
  const count = async () =>
    (await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM information_requests`))[0]!
      .n;
  const requestOf = async (code: string) =>
    (
      await asSuperuser<{ id: string }>(t.database, `SELECT id FROM information_requests WHERE code = $1`, [
        code,
      ])
    )[0];
  const at = (tenant: Tenant) => `${tenant.slug}.localhost`;
  const post = (path: string, host: string, form: Record<string, string>) =>
    t.http().post(path).set('X-Laman-Site-Host', host).type('form').send(form);

  beforeAll(async () => {
    t = await startTestApp();
    opd = await t.given.tenant();
  });
  afterAll(() => t.close());

  let receipt: string;

  it('registers a request and sends the citizen to its receipt (303), which holds the code and nothing personal', async () => {
    const sent = await post(PAGES, at(opd), citizen);
    expect(sent.status).toBe(303);
    expect(sent.headers['location']).toMatch(/^permohonan\/PPID-[0-9A-Z]{4}-[0-9A-Z]{4}\?baru=1$/);
    receipt = sent.headers['location']!.replace('permohonan/', '');
    const page = await t.http().get(`${PAGES}/${receipt}`).set('X-Laman-Site-Host', at(opd));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain(receipt.split('?')[0]);
    expect(page.text).toContain('sudah kami terima');
    expect(page.text).toContain(opd.name);
    for (const text of personal) expect(page.text).not.toContain(text);
  });

  it('shows the status to the code with its contact, the same answer for any mismatch', async () => {
    const code = receipt.split('?')[0]!;
    const status = await post(`${PAGES}/cek`, at(opd), { code: code.toLowerCase(), contact: citizen.email });
    expect(status.status).toBe(200);
    expect(status.text).toContain('Diterima, sedang diproses');
    for (const text of personal) expect(status.text).not.toContain(text);

    const wrongContact = await post(`${PAGES}/cek`, at(opd), { code, contact: 'orang.lain@contoh.id' });
    const wrongCode = await post(`${PAGES}/cek`, at(opd), { code: 'PPID-0000-0000', contact: citizen.email });
    const otherSite = await post(`${PAGES}/cek`, at(await t.given.tenant()), {
      code,
      contact: citizen.email,
    });
    for (const answer of [wrongContact, wrongCode, otherSite]) {
      expect(answer.status).toBe(404);
      expect(answer.text).toContain('Permohonan tidak ditemukan');
      expect(answer.text).not.toContain('Diterima, sedang diproses');
    }
  });

  it('takes the requester’s answer when the PPID asks for clarification, from the status page', async () => {
    const code = receipt.split('?')[0]!;
    const row = await requestOf(code);
    const officer = await memberWithDuty(t, opd, 'ppid_officer');
    await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/requests/${row!.id}/clarification`)
      .set(officer.auth)
      .send({ message: 'Tahun anggaran berapa yang Anda maksud?' });
    const asked = await post(`${PAGES}/cek`, at(opd), { code, contact: citizen.email });
    expect(asked.text).toContain('Tahun anggaran berapa yang Anda maksud?');
    expect(asked.text).toContain('action="jelaskan"');

    const tooShort = await post(`${PAGES}/jelaskan`, at(opd), { code, contact: citizen.email, message: 'x' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.text).toContain('id="f-message-error"');
    const answered = await post(`${PAGES}/jelaskan`, at(opd), {
      code,
      contact: citizen.email,
      message: 'Tahun anggaran 2025, realisasi sampai Desember.',
    });
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('Penjelasan dari pemohon');
    expect(answered.text).toContain('Diterima, sedang diproses');
    expect(answered.text).not.toContain('action="jelaskan"');
  });

  it('takes an objection from the status page once the PPID has answered, and shows the superior’s clock', async () => {
    const code = receipt.split('?')[0]!;
    const row = await requestOf(code);
    const officer = await memberWithDuty(t, opd, 'ppid_officer');
    const decided = await t
      .http()
      .post(`/api/v1/tenants/${opd.slug}/ppid/requests/${row!.id}/decision`)
      .set(officer.auth)
      .send({ outcome: 'not_held', message: 'Laporan itu disusun oleh Bapperida, bukan dinas ini.' });
    expect(decided.status).toBe(200);
    const answered = await post(`${PAGES}/cek`, at(opd), { code, contact: citizen.email });
    expect(answered.text).toContain('action="keberatan"');
    expect(answered.text).toMatch(/name="reasons"\s+value="not_as_asked"/);

    const objections = async () =>
      (
        await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM information_objections`)
      )[0]!.n;
    const statement = 'Laporan realisasi dinas ini tetap dikuasai dinas, bukan hanya Bapperida.';
    const none = await post(`${PAGES}/keberatan`, at(opd), { code, contact: citizen.email, statement });
    expect(none.status).toBe(400);
    expect(none.text).toContain('id="f-reasons-error"');
    expect(none.text).toContain('Alasan keberatan');
    expect(none.text).toContain(statement);
    expect(await objections()).toBe(0);

    // Two boxes ticked arrive as a repeated field, as a browser sends them.
    const filed = await t
      .http()
      .post(`${PAGES}/keberatan`)
      .set('X-Laman-Site-Host', at(opd))
      .type('form')
      .send(
        `code=${code}&contact=${encodeURIComponent(citizen.email)}&reasons=not_as_asked&reasons=not_fulfilled` +
          `&statement=${encodeURIComponent(statement)}`,
      );
    expect(filed.status).toBe(200);
    expect(filed.text).toContain('Keberatan diajukan kepada atasan PPID');
    expect(filed.text).toContain('Batas jawaban atasan PPID');
    expect(filed.text).toContain('Permohonan tidak dipenuhi');
    expect(filed.text).not.toContain('action="keberatan"');
    for (const text of personal) expect(filed.text).not.toContain(text);
    expect(await objections()).toBe(1);

    const twice = await post(`${PAGES}/keberatan`, at(opd), {
      code,
      contact: citizen.email,
      reasons: 'late',
      statement,
    });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('sudah diajukan');
    expect(await objections()).toBe(1);
  });

  it('sends a bad form back with every value kept (escaped), each field’s reason, and writes nothing', async () => {
    const before = await count();
    const bad = {
      ...citizen,
      name: 'R',
      email: '',
      information: '<script>alert(1)</script> laporan',
      delivery: 'merpati',
    };
    const answer = await post(PAGES, at(opd), bad);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.text).toContain('id="f-name-error"');
    expect(answer.text).toContain('id="f-delivery-error"');
    // Each reason names the field as the form labels it, not as the API calls it.
    expect(answer.text).toContain('Nama lengkap minimal 3 karakter');
    expect(answer.text).toContain('Cara menerima informasi: pilih dari pilihan yang tersedia');
    expect(answer.text).not.toMatch(/>\s*(name|delivery) (minimal|harus)/);
    expect(answer.text).not.toContain('email, pickup, post');
    expect(answer.text).toContain('aria-invalid="true"');
    expect(answer.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62; laporan');
    expect(answer.text).not.toContain('<script>');
    expect(answer.text).toContain(`value="${citizen.address}"`);

    // No contact at all: the service's own rule, answered on the same page.
    const unreachable = await post(PAGES, at(opd), { ...citizen, email: '', phone: '' });
    expect(unreachable.status).toBe(400);
    expect(unreachable.text).toContain('Isi surel atau nomor telepon');
    expect(await count()).toBe(before);
  });

  it('answers a host with no active OPD with a page, and writes nothing', async () => {
    const before = await count();
    const suspended = await t.given.tenant(undefined, { status: 'suspended' });
    for (const host of ['tidak-ada.localhost', at(suspended), 'contoh.com', '', 'a..b']) {
      const answer = await post(PAGES, host, citizen);
      expect({ host, status: answer.status }).toEqual({ host, status: 404 });
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
    }
    expect((await t.http().get(`${PAGES}/bukan-kode`).set('X-Laman-Site-Host', at(opd))).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('finds an OPD by its custom domain', async () => {
    const tenant = await t.given.tenant();
    await asSuperuser(t.database, `UPDATE tenants SET custom_domain = $1 WHERE id = $2`, [
      `${tenant.slug}.go.id`,
      tenant.id,
    ]);
    const sent = await post(PAGES, `${tenant.slug}.go.id`, { ...citizen, email: 'lain@contoh.id' });
    expect(sent.status).toBe(303);
  });

  it('keeps the form when the limit is reached (429) and writes nothing more', async () => {
    const tenant = await t.given.tenant();
    // Five an hour from one client: four more after the ones above from this client would pass the limit.
    let answer = await post(PAGES, at(tenant), citizen);
    while (answer.status === 303) answer = await post(PAGES, at(tenant), citizen);
    expect(answer.status).toBe(429);
    expect(answer.text).toContain(`value="${citizen.name}"`);
    const before = await count();
    expect((await post(PAGES, at(tenant), citizen)).status).toBe(429);
    expect(await count()).toBe(before);
  });

  it('takes forms on these pages only, and bounds their size', async () => {
    const json = await t.http().post(`/api/v1/public/${opd.slug}/ppid/requests`).type('form').send(citizen);
    expect(json.status).toBe(415);
    const huge = await post(PAGES, at(opd), { ...citizen, information: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
  });
});
