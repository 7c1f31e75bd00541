import { DigestsService } from '../../src/modules/digests/digests.service';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn } from '../helpers/given';
import { type ReceivedMail, startSmtpInbox } from '../helpers/smtp-inbox';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** Weekly digests through a real SMTP server: the right items, to the right people, never to opted-out OPDs. */
describe('weekly digests', () => {
  let t: TestApp;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let sending: Tenant;
  let optedOut: Tenant;
  let sendingAdmin: SignedIn;
  let sendingEditor: SignedIn;
  let optedOutAdmin: SignedIn;
  let monitor: SignedIn;
  let platform: SignedIn;
  // Monday 3 March 2025, 08:00 WIB: a week long past, so the run for the current week below never meets it.
  const MONDAY = new Date('2025-03-03T01:00:00Z');

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, MAIL_FROM: 'Laman <laman@bandarlampungkota.go.id>' });
    sending = await t.given.tenant();
    optedOut = await t.given.tenant();
    sendingAdmin = await t.given.memberSignedIn(sending, 'tenant_admin');
    sendingEditor = await t.given.memberSignedIn(sending, 'editor');
    await t.given.memberSignedIn(sending, 'contributor');
    optedOutAdmin = await t.given.memberSignedIn(optedOut, 'tenant_admin');
    monitor = await t.given.platformSignedIn('monitor');
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  const mailsTo = (email: string): ReceivedMail[] => inbox.mails.filter((mail) => mail.to.includes(email));

  it('sends each OPD its missing items, skips the OPD that opted out, sums up the city for monitors, once a week', async () => {
    const optOut = await t
      .http()
      .put(`/api/v1/tenants/${optedOut.slug}/digest-subscription`)
      .set(optedOutAdmin.auth)
      .send({ optOut: true });
    expect(optOut.body).toEqual({ optOut: true });
    const digests = t.app.get(DigestsService);

    // Monday before 07:00 WIB: not yet.
    expect(await digests.sendDue(new Date('2025-03-02T23:00:00Z'))).toMatchObject({ opd: 0, city: false });
    // Passes until the city summary is out (each pass stops when its time is up; the next goes on).
    let run = await digests.sendDue(MONDAY);
    let opd = run.opd;
    while (!run.city && run.opd > 0) opd += (run = await digests.sendDue(MONDAY)).opd;
    expect(run).toMatchObject({ week: '2025-W10', city: true });
    expect(opd).toBeGreaterThanOrEqual(2);

    // Editors and admins of the OPD get its digest; contributors do not.
    const [mail, ...more] = mailsTo(sendingEditor.email);
    expect(more).toEqual([]);
    expect(mail!.to).toEqual([sendingAdmin.email, sendingEditor.email].sort());
    expect(mail!.subject).toContain(sending.name);
    expect(mail!.text).toContain('- Belum ada nomor telepon');
    expect(mail!.text).toContain('- Belum ada layanan yang diterbitkan');
    expect(mail!.text).toContain(`/opd/${sending.slug}/`);
    // Nothing reaches the OPD that opted out; its digest is still kept, marked as not sent.
    expect(mailsTo(optedOutAdmin.email)).toEqual([]);
    const kept = await t.http().get(`/api/v1/tenants/${optedOut.slug}/digests`).set(optedOutAdmin.auth);
    expect(kept.body).toMatchObject({
      optOut: true,
      digests: [{ week: '2025-W10', status: 'skipped', reason: 'opted_out', recipients: [] }],
    });
    // Monitors and platform admins get the city summary.
    const [summary] = mailsTo(monitor.email);
    expect(summary!.to).toEqual(expect.arrayContaining([monitor.email, platform.email]));
    expect(summary!.text).toContain(sending.name);
    expect(summary!.text).toContain(optedOut.name);

    // Later in the week, and on another instance's pass: nothing is sent twice.
    const count = inbox.mails.length;
    expect(await digests.sendDue(new Date('2025-03-05T03:00:00Z'))).toMatchObject({ opd: 0, city: false });
    expect(inbox.mails.length).toBe(count);
    // A platform admin may write the current week's digests at once; a second run sends nothing more.
    const forced = await t.http().post('/api/v1/admin/digests/run').set(platform.auth);
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ week: expect.stringMatching(/^\d{4}-W\d{2}$/), city: true });
    const afterForced = inbox.mails.length;
    expect((await t.http().post('/api/v1/admin/digests/run').set(platform.auth)).body).toMatchObject({
      opd: 0,
      city: false,
    });
    expect(inbox.mails.length).toBe(afterForced);

    // What was sent can be read in the app: the OPD its own, monitors every OPD's status and the summary.
    const own = await t.http().get(`/api/v1/tenants/${sending.slug}/digests`).set(sendingEditor.auth);
    expect(own.body.digests.find((digest: { week: string }) => digest.week === '2025-W10')).toMatchObject({
      week: '2025-W10',
      status: 'sent',
      subject: mail!.subject,
      body: mail!.text.trim(),
    });
    const city = await t.http().get('/api/v1/admin/digests').set(monitor.auth);
    expect(city.body.digests.map((digest: { week: string }) => digest.week)).toContain('2025-W10');
    expect(city.body.digests.every((digest: { status: string }) => digest.status === 'sent')).toBe(true);
    expect(city.body.opd.find((row: { slug: string }) => row.slug === optedOut.slug)).toMatchObject({
      optOut: true,
      latest: { status: 'skipped', reason: 'opted_out' },
    });
    // The OPD list is paged and searched (a province has thousands).
    expect(city.body.opdTotal).toBeGreaterThanOrEqual(2);
    // The summary counts the same active OPDs in the database (it lists only the first few of each kind).
    expect(summary!.text).toContain(`${city.body.opdTotal} OPD aktif;`);
    const quiet = Number(/(\d+) OPD tidak memperbarui/.exec(summary!.text)?.[1]);
    expect(quiet).toBeGreaterThanOrEqual(2);
    expect(quiet).toBeLessThanOrEqual(city.body.opdTotal);
    const found = await t.http().get(`/api/v1/admin/digests?q=${optedOut.slug}`).set(monitor.auth);
    expect(found.body).toMatchObject({ opdTotal: 1, opd: [{ slug: optedOut.slug }] });
    const second = await t.http().get('/api/v1/admin/digests?limit=1&offset=1').set(monitor.auth);
    expect(second.body.opd).toEqual([city.body.opd[1]]);
    expect((await t.http().get('/api/v1/admin/digests?limit=500').set(monitor.auth)).status).toBe(400);
    // An editor may not change the subscription; only the OPD's admin may.
    const editorTry = await t
      .http()
      .put(`/api/v1/tenants/${sending.slug}/digest-subscription`)
      .set(sendingEditor.auth)
      .send({ optOut: true });
    expect(editorTry.status).toBe(403);
  });
});
