import { wibDay } from '../../src/core/time/wib';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { eventually } from '../helpers/eventually';
import { type SignedIn } from '../helpers/given';
import { publishItem } from '../helpers/sample-site';
import { pdf } from '../helpers/media-corpus';
import { startSmtpInbox } from '../helpers/smtp-inbox';
import { citizenRequest, memberWithDuty, ppidStep, requestStatus } from '../helpers/ppid';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The PPID's steps on a request, each on the legal clock and each told to the requester (status page and
 * e-mail): a clarification, the one extension, a decision (a refusal citing the OPD's published dikecualikan
 * list), and a forward — the only way a request crosses to another OPD, with both audits.
 */
describe('the PPID answering information requests', () => {
  let t: TestApp;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let opd: Tenant;
  let other: Tenant;
  let officer: SignedIn;
  let otherOfficer: SignedIn;
  let editor: SignedIn;

  const citizen = {
    name: 'Dewi Sartika Putri',
    address: 'Jl. Kartini No. 40, Tanjung Karang',
    email: 'dewi.sartika@contoh.id',
    information: 'Rincian belanja pemeliharaan jalan lingkungan tahun 2026',
    purpose: 'Pengawasan anggaran oleh forum warga',
    delivery: 'email',
  };

  const withDuty = (tenant: Tenant) => memberWithDuty(t, tenant, 'ppid_officer');
  /** A new request from the citizen. */
  const request = (tenant: Tenant, email = citizen.email) => citizenRequest(t, tenant, { ...citizen, email });

  const step = (tenant: Tenant, who: SignedIn, id: string, action: string, body: object) =>
    ppidStep(t, tenant, who, id, action, body);
  const status = (tenant: Tenant, code: string, contact = citizen.email) =>
    requestStatus(t, tenant, { code, contact });
  const mailsAbout = (code: string, count: number) =>
    eventually(
      async () => inbox.mails.filter((mail) => mail.subject.includes(code)),
      (mails) => mails.length >= count,
      { withinMs: 10_000 },
    );
  const auditOf = (tenant: Tenant, action: string) =>
    asSuperuser<{ data: Record<string, unknown> }>(
      t.database,
      `SELECT data FROM audit_events WHERE tenant_id = $1 AND action = $2`,
      [tenant.id, action],
    );

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, TRUST_PROXY: 'loopback' });
    opd = await t.given.tenant();
    other = await t.given.tenant();
    officer = await withDuty(opd);
    otherOfficer = await withDuty(other);
    editor = await t.given.memberSignedIn(opd, 'editor');
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  it('asks for clarification: the requester reads the question on the status page and by e-mail', async () => {
    const { id, code } = await request(opd);
    const asked = await step(opd, officer, id, 'clarification', {
      message: 'Mohon sebutkan kelurahan yang Anda maksud.',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('clarification');
    const seen = await status(opd, code);
    expect(seen.status).toBe('clarification');
    expect(seen.steps).toEqual([
      expect.objectContaining({
        kind: 'clarification',
        message: 'Mohon sebutkan kelurahan yang Anda maksud.',
      }),
    ]);
    const mails = await mailsAbout(code, 2);
    expect(mails.map((mail) => mail.text).join('\n')).toContain('Mohon sebutkan kelurahan yang Anda maksud.');
    expect((await auditOf(opd, 'ppid.clarification_asked')).map((row) => row.data['code'])).toContain(code);

    // The requester answers from the status page: back to the PPID, the answer among the steps.
    const reply = (body: object) =>
      t.http().post(`/api/v1/public/${opd.slug}/ppid/requests/clarification`).send(body);
    const answer = 'Kelurahan Kedaton dan Sukarame, tahun anggaran 2026.';
    const stranger = await reply({ code, contact: 'orang.lain@contoh.id', message: answer });
    expect(stranger.status).toBe(404);
    const replied = await reply({ code, contact: citizen.email, message: answer });
    expect(replied.status).toBe(200);
    expect(replied.body.status).toBe('received');
    expect(replied.body.steps.map((step: { kind: string }) => step.kind)).toEqual([
      'clarification',
      'clarified',
    ]);
    const again = await reply({ code, contact: citizen.email, message: answer });
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'CLARIFICATION_NOT_ASKED',
    });
    const opened = await t.http().get(`/api/v1/tenants/${opd.slug}/ppid/requests/${id}`).set(officer.auth);
    expect(opened.body.steps.at(-1)).toMatchObject({
      kind: 'clarified',
      label: 'Penjelasan dari pemohon',
      message: answer,
    });
  });

  it('extends once, by 7 working days on the calendar, before the answer is due; never twice or late', async () => {
    const { id, code } = await request(opd);
    const before = await status(opd, code);
    const extended = await step(opd, officer, id, 'extension', {
      reason: 'Data masih dihimpun dari enam kecamatan.',
    });
    expect(extended.status).toBe(200);
    const calendar = await t.app.get(CalendarService).calendar(Number(before.dueOn.slice(0, 4)));
    expect(extended.body.dueOn).toBe(calendar.addWorkingDays(before.dueOn, 7));
    expect((await status(opd, code)).dueOn).toBe(extended.body.dueOn);
    const again = await step(opd, officer, id, 'extension', { reason: 'Masih ada data yang belum lengkap.' });
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'EXTENSION_NOT_ALLOWED',
    });

    const late = await request(opd);
    await asSuperuser(t.database, `UPDATE information_requests SET due_on = $1 WHERE id = $2`, [
      '2020-01-02',
      late.id,
    ]);
    const refused = await step(opd, officer, late.id, 'extension', {
      reason: 'Terlambat namun ingin diperpanjang.',
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'EXTENSION_NOT_ALLOWED',
    });
    expect(
      (await mailsAbout(code, 2)).some((mail) => mail.text.includes(extended.body.dueOn.slice(0, 4))),
    ).toBe(true);
  });

  it('refuses only citing a published entry of this OPD’s dikecualikan list, and then the request is closed', async () => {
    const { id, code } = await request(opd);
    const listed = await publishItem(t, opd, editor, 'dokumen', {
      ...sampleFields('dokumen', 'Rincian data pribadi penerima bantuan'),
      informationClass: 'dikecualikan',
      exemptionReason: 'Melindungi data pribadi (Pasal 17 huruf h UU 14/2008)',
      files: [],
    });
    const open = await publishItem(t, opd, editor, 'dokumen', sampleFields('dokumen', 'Renja 2026'));
    const elsewhere = await publishItem(t, other, await t.given.memberSignedIn(other, 'editor'), 'dokumen', {
      ...sampleFields('dokumen', 'Dikecualikan OPD lain'),
      informationClass: 'dikecualikan',
      exemptionReason: 'Rahasia negara menurut undang-undang',
      files: [],
    });
    const refuse = (exemptionItemId?: string) =>
      step(opd, officer, id, 'decision', {
        outcome: 'refused',
        message: 'Informasi ini termasuk yang dikecualikan.',
        ...(exemptionItemId ? { exemptionItemId } : {}),
      });
    for (const exemption of [undefined, open.id, elsewhere.id]) {
      const refused = await refuse(exemption);
      expect(refused.status).toBe(400);
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual([
        'exemptionItemId',
      ]);
    }
    expect((await status(opd, code)).status).toBe('received');

    const decided = await refuse(listed.id);
    expect(decided.status).toBe(200);
    const seen = await status(opd, code);
    expect(seen.status).toBe('refused');
    expect(seen.steps[0]).toMatchObject({
      kind: 'refused',
      exemption: 'Rincian data pribadi penerima bantuan',
    });
    const [answered] = await asSuperuser<{ answered: Date | null }>(
      t.database,
      `SELECT answered_at AS answered FROM information_requests WHERE id = $1`,
      [id],
    );
    expect(answered!.answered).not.toBeNull();
    const mail = (await mailsAbout(code, 2)).at(-1)!;
    expect(mail.text).toContain('Dasar pengecualian: Rincian data pribadi penerima bantuan');
    expect(mail.text).toContain('keberatan');
    for (const [action, body] of [
      ['clarification', { message: 'Satu pertanyaan lagi untuk pemohon.' }],
      ['extension', { reason: 'Alasan perpanjangan yang terlambat.' }],
      ['decision', { outcome: 'granted', message: 'Dikabulkan setelah ditolak.' }],
    ] as const) {
      const closed = await step(opd, officer, id, action, body);
      expect({ action, status: closed.status, code: closed.body.code }).toEqual({
        action,
        status: 409,
        code: 'REQUEST_CLOSED',
      });
    }
  });

  it("cannot be read or answered by another OPD's officer through that OPD's own routes (404, nothing written)", async () => {
    const { id, code } = await request(opd);
    const trail = () =>
      asSuperuser<{ status: string; steps: number }>(
        t.database,
        `SELECT status, (SELECT count(*)::int FROM information_request_events WHERE request_id = r.id) AS steps
           FROM information_requests r WHERE id = $1`,
        [id],
      );
    const before = await trail();
    const opened = await t
      .http()
      .get(`/api/v1/tenants/${other.slug}/ppid/requests/${id}`)
      .set(otherOfficer.auth);
    expect(opened.status).toBe(404);
    const steps: Array<[string, object]> = [
      ['clarification', { message: 'Mohon jelaskan dokumen yang dimaksud.' }],
      ['extension', { reason: 'Dokumen masih dikumpulkan dari bidang teknis.' }],
      ['decision', { outcome: 'granted', message: 'Salinan dokumen terlampir.' }],
      ['forward', { tenant: opd.slug, message: 'Informasi ini dikuasai OPD lain.' }],
    ];
    for (const [action, body] of steps) {
      const answer = await step(other, otherOfficer, id, action, body);
      expect({ action, status: answer.status }).toEqual({ action, status: 404 });
    }
    expect(await trail()).toEqual(before);
    expect((await status(opd, code)).status).toBe('received');
  });

  it("grants with files from the OPD's library, opened by the requester's lookup alone and never made public", async () => {
    const upload = (tenant: Tenant, who: SignedIn, name: string) =>
      t
        .http()
        .post(`/api/v1/tenants/${tenant.slug}/media`)
        .set(who.auth)
        .attach('file', pdf(), { filename: name, contentType: 'application/octet-stream' });
    const answerFile = await upload(opd, editor, 'daftar-penerima-2026.pdf');
    expect(answerFile.status).toBe(201);
    const foreignFile = await upload(other, await t.given.memberSignedIn(other, 'editor'), 'lain.pdf');
    const { id, code } = await request(opd);
    const granting = { outcome: 'granted', message: 'Daftar penerima terlampir dalam berkas PDF.' };
    // Another OPD's file, an unknown one, or files on an answer that hands nothing over: refused by name.
    for (const body of [
      { ...granting, attachments: [foreignFile.body.id] },
      { ...granting, attachments: ['00000000-0000-4000-8000-000000000000'] },
      { outcome: 'not_held', message: 'Tidak dikuasai dinas ini.', attachments: [answerFile.body.id] },
    ]) {
      const refused = await step(opd, officer, id, 'decision', body);
      expect([refused.status, refused.body.details?.[0]?.field]).toEqual([400, 'attachments']);
    }
    expect((await status(opd, code)).status).toBe('received');

    const granted = await step(opd, officer, id, 'decision', {
      ...granting,
      attachments: [answerFile.body.id],
    });
    expect(granted.status).toBe(200);
    const seen = await status(opd, code);
    const [file] = seen.steps.at(-1).files;
    expect(file).toMatchObject({ fileName: 'daftar-penerima-2026.pdf', mimeType: 'application/pdf' });
    const address = new URL(file.url);
    const opened = await t.http().get(address.pathname + address.search);
    expect(opened.status).toBe(200);
    expect(opened.body.subarray(0, 5).toString()).toBe('%PDF-');
    // Without the lookup's signature the file is not there: attaching it published nothing.
    expect((await t.http().get(address.pathname)).status).toBe(404);
    const mail = (await mailsAbout(code, 2)).at(-1)!;
    expect(mail.text).toContain('melampirkan 1 berkas');
    expect(mail.text).not.toContain(address.pathname);
    const audited = await auditOf(opd, 'ppid.decided');
    expect(audited.find((row) => row.data['code'] === code)!.data['attachments']).toEqual([
      answerFile.body.id,
    ]);
  });

  it('takes one decision when two officers answer at once', async () => {
    const { id } = await request(opd);
    const second = await withDuty(opd);
    const answers = await Promise.all(
      [officer, second].map((who) =>
        step(opd, who, id, 'decision', {
          outcome: 'granted',
          message: 'Salinan dokumen terlampir di surel ini.',
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('forwards to the OPD that holds the information: a new request there, its own clock, both audited', async () => {
    const { id, code } = await request(opd, 'penerus@contoh.id');
    for (const target of [
      opd.slug,
      'tidak-ada',
      (await t.given.tenant(undefined, { status: 'suspended' })).slug,
    ]) {
      const refused = await step(opd, officer, id, 'forward', {
        tenant: target,
        message: 'Informasi ini dikuasai OPD lain.',
      });
      expect({ target, status: refused.status }).toEqual({ target, status: 400 });
    }
    const forwarded = await step(opd, officer, id, 'forward', {
      tenant: other.slug,
      message: 'Informasi ini dikuasai OPD lain.',
    });
    expect(forwarded.status).toBe(200);
    const newCode = forwarded.body.forwardedToCode as string;
    const today = wibDay(new Date());
    const calendar = await t.app.get(CalendarService).calendar(Number(today.slice(0, 4)));
    expect(forwarded.body.dueOn).toBe(calendar.addWorkingDays(today, 10));

    // The requester: the old code says where it went; the new one answers at the other OPD, same contact.
    const old = await status(opd, code, 'penerus@contoh.id');
    expect(old.status).toBe('forwarded');
    expect(old.steps[0].message).toContain(newCode);
    const there = await status(other, newCode, 'penerus@contoh.id');
    expect(there).toMatchObject({ code: newCode, status: 'received', dueOn: forwarded.body.dueOn });
    expect((await status(opd, newCode, 'penerus@contoh.id')).code).toBe('REQUEST_NOT_FOUND');

    // Isolation holds: each OPD's officers see their own side only.
    const theirs = await t.http().get(`/api/v1/tenants/${other.slug}/ppid/requests`).set(otherOfficer.auth);
    expect(theirs.body.items.map((entry: { code: string }) => entry.code)).toContain(newCode);
    const ours = await t.http().get(`/api/v1/tenants/${opd.slug}/ppid/requests`).set(officer.auth);
    expect(ours.body.items.map((entry: { code: string }) => entry.code)).not.toContain(newCode);
    expect((await t.http().get(`/api/v1/tenants/${other.slug}/ppid/requests`).set(officer.auth)).status).toBe(
      403,
    );
    const newId = theirs.body.items.find((entry: { code: string }) => entry.code === newCode).id;
    const opened = await t
      .http()
      .get(`/api/v1/tenants/${other.slug}/ppid/requests/${newId}`)
      .set(otherOfficer.auth);
    expect(opened.body.requester).toMatchObject({ name: citizen.name, email: 'penerus@contoh.id' });

    expect((await auditOf(opd, 'ppid.forwarded_out')).map((row) => row.data)).toContainEqual(
      expect.objectContaining({ code, to: other.slug, newCode }),
    );
    expect((await auditOf(other, 'ppid.forwarded_in')).map((row) => row.data)).toContainEqual(
      expect.objectContaining({ code: newCode, from: opd.slug, fromCode: code }),
    );
  });
});
