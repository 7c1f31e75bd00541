import { NotificationMailer } from '../../src/modules/notifications/notification-mailer';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { startSmtpInbox } from '../helpers/smtp-inbox';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * People are told what the workflow did with their items: the writer when it is published or sent back, the
 * OPD's editors and admins when an item waits for review; never the person who did it, never anyone else's.
 * In the app, and by e-mail through a real SMTP server.
 */
describe('notifications', () => {
  let t: TestApp;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let tenant: Tenant;
  let contributor: SignedIn;
  let editor: SignedIn;
  let admin: SignedIn;
  let outsider: SignedIn;
  const content = (path = '') => `/api/v1/tenants/${tenant.slug}/content${path}`;
  const notifications = (who: SignedIn) =>
    t
      .http()
      .get('/api/v1/me/notifications')
      .set(who.auth)
      .then(
        (response) =>
          response.body as {
            unread: number;
            items: Array<{
              kind: string;
              title: string;
              note: string | null;
              line: string;
              tenantSlug: string;
            }>;
          },
      );

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, MAIL_FROM: 'Laman <laman@bandarlampungkota.go.id>' });
    tenant = await t.given.tenant();
    contributor = await t.given.memberSignedIn(tenant, 'contributor');
    editor = await t.given.memberSignedIn(tenant, 'editor');
    admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
    outsider = await t.given.memberSignedIn(await t.given.tenant(), 'editor');
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  it('tells editors an item waits, the writer it came back with a note, then that it is live — by app and e-mail', async () => {
    const created = await t
      .http()
      .post(content('/berita'))
      .set(contributor.auth)
      .send({ fields: sampleFields('berita', 'Usulan jadwal posyandu') });
    const submitted = await t
      .http()
      .post(content(`/items/${created.body.id}/submit`))
      .set(contributor.auth)
      .send({ version: created.body.version });
    expect(submitted.status).toBe(200);
    for (const reviewer of [editor, admin])
      expect((await notifications(reviewer)).items[0]).toMatchObject({
        kind: 'submitted',
        title: 'Usulan jadwal posyandu',
        line: '"Usulan jadwal posyandu" menunggu review Anda.',
        tenantSlug: tenant.slug,
      });
    expect((await notifications(contributor)).items).toEqual([]);
    expect((await notifications(outsider)).items).toEqual([]);

    const returned = await t
      .http()
      .post(content(`/items/${created.body.id}/return`))
      .set(editor.auth)
      .send({ version: submitted.body.version, comment: 'Tambahkan jam buka.' });
    expect(returned.status).toBe(200);
    expect((await notifications(contributor)).items[0]).toMatchObject({
      kind: 'returned',
      note: 'Tambahkan jam buka.',
    });

    const again = await t
      .http()
      .post(content(`/items/${created.body.id}/submit`))
      .set(contributor.auth)
      .send({ version: returned.body.version });
    const published = await t
      .http()
      .post(content(`/items/${created.body.id}/publish`))
      .set(editor.auth)
      .send({ version: again.body.version });
    expect(published.status).toBe(200);
    const mine = await notifications(contributor);
    expect(mine.items.map((item) => item.kind)).toEqual(['published', 'returned']);
    expect(mine.unread).toBe(2);
    // The editor who published is not told about their own act.
    expect((await notifications(editor)).items.map((item) => item.kind)).toEqual(['submitted', 'submitted']);

    const sent = await t.app.get(NotificationMailer).send();
    expect(sent).toBe(6);
    const toContributor = inbox.mails.filter((mail) => mail.to.includes(contributor.email));
    expect(toContributor.map((mail) => mail.subject).sort()).toEqual([
      '[Laman] Tulisan Anda dikembalikan: Usulan jadwal posyandu',
      '[Laman] Tulisan Anda terbit: Usulan jadwal posyandu',
    ]);
    expect(toContributor[0]!.text).toContain(`/opd/${tenant.slug}/konten/${created.body.id}`);
    expect(inbox.mails.some((mail) => mail.to.includes(outsider.email))).toBe(false);
    // Each is sent once.
    expect(await t.app.get(NotificationMailer).send()).toBe(0);

    const read = await t.http().post('/api/v1/me/notifications/read').set(contributor.auth);
    expect(read.status).toBe(204);
    expect((await notifications(contributor)).unread).toBe(0);
    expect((await notifications(editor)).unread).toBe(2);
  });
});
