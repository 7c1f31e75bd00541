import { Client } from 'pg';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { CONTENT_TYPES } from '../../src/modules/content/types/content-type';
import { ScheduledPublisher } from '../../src/modules/content/scheduled-publisher';
import { doc, sampleFields } from '../helpers/content-samples';
import { type SignedIn } from '../helpers/given';
import { startAnotherInstance, startTestApp, type TestApp } from '../helpers/test-app';

describe('content workflow', () => {
  let t: TestApp;
  let tenant: Tenant;
  let contributor: SignedIn;
  let editor: SignedIn;
  let secondEditor: SignedIn;
  let admin: SignedIn;
  const base = () => `/api/v1/tenants/${tenant.slug}/content`;
  const act = (who: SignedIn, id: string, action: string, body: object) =>
    t.http().post(`${base()}/items/${id}/${action}`).set(who.auth).send(body);
  const publicItem = (type: string, slug: string) =>
    t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      return (
        await manager.query(`SELECT title, data FROM published_content WHERE type = $1 AND slug = $2`, [
          type,
          slug,
        ])
      )[0];
    });
  const siteChanges = () =>
    t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      return (await manager.query(`SELECT kind FROM site_change_events ORDER BY created_at`)).map(
        (row: { kind: string }) => row.kind,
      );
    });

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.given.tenant();
    contributor = await t.given.memberSignedIn(tenant, 'contributor');
    editor = await t.given.memberSignedIn(tenant, 'editor');
    secondEditor = await t.given.memberSignedIn(tenant, 'editor');
    admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
  });
  afterAll(() => t.close());

  it.each(CONTENT_TYPES)(
    '%s: created, submitted, published, revised, unpublished and restored through the API',
    async (type) => {
      const created = await t
        .http()
        .post(`${base()}/${type}`)
        .set(contributor.auth)
        .send({ fields: sampleFields(type, `Judul ${type} pertama`) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        type,
        state: 'draft',
        version: 1,
        revision: 1,
        live: false,
        slug: `judul-${type}-pertama`,
      });
      const id = created.body.id;

      const submitted = await act(contributor, id, 'submit', { version: 1 });
      expect(submitted.body.state).toBe('in_review');
      const published = await act(editor, id, 'publish', { version: submitted.body.version });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ state: 'published', live: true, hasUnpublishedChanges: false });
      expect((await publicItem(type, created.body.slug)).title).toBe(`Judul ${type} pertama`);

      const revised = await t
        .http()
        .put(`${base()}/${type}/${id}`)
        .set(editor.auth)
        .send({
          version: published.body.version,
          fields: sampleFields(type, `Judul ${type} kedua`),
          note: 'Perbaiki judul',
        });
      expect(revised.body).toMatchObject({
        state: 'draft',
        live: true,
        hasUnpublishedChanges: true,
        revision: 2,
      });
      expect((await publicItem(type, created.body.slug)).title).toBe(`Judul ${type} pertama`);

      const unpublished = await act(editor, id, 'unpublish', { version: revised.body.version });
      expect(unpublished.body).toMatchObject({ state: 'archived', live: false });
      expect(await publicItem(type, created.body.slug)).toBeUndefined();

      const restored = await t
        .http()
        .post(`${base()}/items/${id}/revisions/1/restore`)
        .set(editor.auth)
        .send({ version: unpublished.body.version });
      expect(restored.body).toMatchObject({ revision: 3, title: `Judul ${type} pertama` });
      const history = await t.http().get(`${base()}/items/${id}/revisions`).set(editor.auth);
      expect(history.body.map((revision: { number: number }) => revision.number)).toEqual([3, 2, 1]);
      expect(history.body[0].note).toBe('Dipulihkan dari revisi 1');
    },
  );

  it('keeps contributors to their own drafts and editors to reviewing', async () => {
    const created = await t
      .http()
      .post(`${base()}/berita`)
      .set(contributor.auth)
      .send({ fields: sampleFields('berita', 'Berita kontributor') });
    const id = created.body.id;
    const publishByContributor = await act(contributor, id, 'publish', { version: 1 });
    expect(publishByContributor.status).toBe(403);
    const other = await t.given.memberSignedIn(tenant, 'contributor');
    const editByOther = await t
      .http()
      .put(`${base()}/berita/${id}`)
      .set(other.auth)
      .send({ version: 1, fields: sampleFields('berita', 'Diubah orang lain') });
    expect(editByOther.status).toBe(403);
    expect(editByOther.body.code).toBe('WORKFLOW_FORBIDDEN');

    const submitted = await act(contributor, id, 'submit', { version: 1 });
    const editWhileInReview = await t
      .http()
      .put(`${base()}/berita/${id}`)
      .set(contributor.auth)
      .send({ version: submitted.body.version, fields: sampleFields('berita', 'Ubah saat review') });
    expect(editWhileInReview.body.code).toBe('WORKFLOW_INVALID_STATE');

    const returned = await act(editor, id, 'return', {
      version: submitted.body.version,
      comment: 'Tambahkan foto kegiatan.',
    });
    expect(returned.body).toMatchObject({
      state: 'draft',
      reviewComment: 'Tambahkan foto kegiatan.',
      returnedBy: 'editor',
    });
    const fixed = await t
      .http()
      .put(`${base()}/berita/${id}`)
      .set(contributor.auth)
      .send({ version: returned.body.version, fields: sampleFields('berita', 'Berita kontributor lengkap') });
    expect(fixed.status).toBe(200);
    // Sent again, the item is no longer "returned": the note and who returned it are cleared.
    const resubmitted = await act(contributor, id, 'submit', { version: fixed.body.version });
    expect(resubmitted.body).toMatchObject({ state: 'in_review', reviewComment: null, returnedBy: null });
    const badTransition = await act(editor, id, 'unschedule', { version: resubmitted.body.version });
    expect(badTransition.status).toBe(409);
    expect(badTransition.body.code).toBe('WORKFLOW_INVALID_STATE');
  });

  it('refuses a stale version with 409 and the current state, never overwriting', async () => {
    const created = await t
      .http()
      .post(`${base()}/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'Berita dua penyunting') });
    const id = created.body.id;
    const first = await t
      .http()
      .put(`${base()}/berita/${id}`)
      .set(editor.auth)
      .send({ version: 1, fields: sampleFields('berita', 'Versi editor pertama') });
    expect(first.status).toBe(200);
    const stale = await t
      .http()
      .put(`${base()}/berita/${id}`)
      .set(secondEditor.auth)
      .send({ version: 1, fields: sampleFields('berita', 'Versi editor kedua') });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'CONTENT_VERSION_CONFLICT',
      current: { version: 2, title: 'Versi editor pertama' },
    });
    expect((await t.http().get(`${base()}/berita/${id}`).set(editor.auth)).body.title).toBe(
      'Versi editor pertama',
    );
    expect((await act(editor, id, 'publish', { version: 1 })).status).toBe(409);
  });

  it('with the second-editor setting, an editor cannot publish their own work, except by force with a reason', async () => {
    const setting = await t
      .http()
      .patch(`/api/v1/tenants/${tenant.slug}`)
      .set(admin.auth)
      .send({ requireSecondEditor: true });
    expect(setting.body.requireSecondEditor).toBe(true);
    try {
      const created = await t
        .http()
        .post(`${base()}/pengumuman`)
        .set(editor.auth)
        .send({ fields: { ...sampleFields('pengumuman', 'Banjir rob di pesisir'), urgent: true } });
      const id = created.body.id;
      const own = await act(editor, id, 'publish', { version: 1 });
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('SECOND_EDITOR_REQUIRED');

      const noReason = await act(editor, id, 'force-publish', { version: 1, reason: 'cepat' });
      expect(noReason.status).toBe(400);
      const forced = await act(editor, id, 'force-publish', {
        version: 1,
        reason: 'Peringatan dini BMKG: warga pesisir harus tahu sekarang.',
      });
      expect(forced.body).toMatchObject({ state: 'published', live: true, needsPostReview: true });
      const selfConfirm = await act(editor, id, 'confirm-review', { version: forced.body.version });
      expect(selfConfirm.status).toBe(403);
      const waiting = await t.http().get(`${base()}?needsPostReview=true`).set(admin.auth);
      expect(waiting.body.items.map((item: { id: string }) => item.id)).toContain(id);
      const confirmed = await act(secondEditor, id, 'confirm-review', { version: forced.body.version });
      expect(confirmed.body.needsPostReview).toBe(false);

      const draft = await t
        .http()
        .post(`${base()}/berita`)
        .set(editor.auth)
        .send({ fields: sampleFields('berita', 'Berita dua mata') });
      const submitted = await act(editor, draft.body.id, 'submit', { version: 1 });
      expect(
        (await act(secondEditor, draft.body.id, 'publish', { version: submitted.body.version })).status,
      ).toBe(200);

      const audit = await t
        .http()
        .get(`/api/v1/tenants/${tenant.slug}/audit-events?limit=200`)
        .set(admin.auth);
      expect(audit.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'content.force_publish',
            targetId: id,
            actorUserId: editor.user.id,
            data: expect.objectContaining({ reason: expect.stringContaining('BMKG') }),
          }),
          expect.objectContaining({
            action: 'content.confirm_review',
            targetId: id,
            actorUserId: secondEditor.user.id,
          }),
        ]),
      );
    } finally {
      await t
        .http()
        .patch(`/api/v1/tenants/${tenant.slug}`)
        .set(admin.auth)
        .send({ requireSecondEditor: false });
    }
  });

  it('publishes scheduled items once their time has come, once, and records site changes in the same transaction', async () => {
    const scheduler = t.app.get(ScheduledPublisher);
    const created = await t
      .http()
      .post(`${base()}/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'Berita terjadwal') });
    const publishAt = new Date(Date.now() + 60_000);
    const scheduled = await act(editor, created.body.id, 'schedule', {
      version: 1,
      publishAt: publishAt.toISOString(),
    });
    expect(scheduled.body).toMatchObject({ state: 'scheduled', live: false });
    const past = await act(editor, created.body.id, 'schedule', {
      version: scheduled.body.version,
      publishAt: '2020-01-01T00:00',
    });
    expect(past.status).toBe(400);

    const before = await scheduler.tick(new Date(publishAt.getTime() - 1000));
    expect(before.published).toBe(0);
    expect(await publicItem('berita', created.body.slug)).toBeUndefined();

    const changesBefore = (await siteChanges()).length;
    const at = new Date(publishAt.getTime() + 1000);
    const [first, second] = await Promise.all([scheduler.tick(at), scheduler.tick(at)]);
    expect(first.published + second.published).toBe(1);
    expect((await publicItem('berita', created.body.slug)).title).toBe('Berita terjadwal');
    expect((await siteChanges()).slice(changesBefore)).toEqual(['content.published']);
    expect((await scheduler.tick(new Date(at.getTime() + 60_000))).published).toBe(0);
  });

  it("returns a scheduled item that can no longer go live to its author, and one item's failure does not hold back the OPD's others", async () => {
    const scheduler = t.app.get(ScheduledPublisher);
    const publishAt = new Date(Date.now() + 20_000);
    const schedule = async (type: string, fields: object) => {
      const created = await t.http().post(`${base()}/${type}`).set(contributor.auth).send({ fields });
      expect(created.status).toBe(201);
      const submitted = await act(contributor, created.body.id, 'submit', { version: 1 });
      const scheduled = await act(editor, created.body.id, 'schedule', {
        version: submitted.body.version,
        publishAt: publishAt.toISOString(),
      });
      expect(scheduled.body.state).toBe('scheduled');
      return created.body as { id: string; slug: string };
    };
    // Its end passes before its start: by the time it is due it would show on no page.
    const ended = await schedule('pengumuman', {
      ...sampleFields('pengumuman', 'Pengumuman yang keburu berakhir'),
      validUntil: new Date(Date.now() + 40_000).toISOString(),
    });
    const broken = await schedule('berita', sampleFields('berita', 'Berita yang gagal tak terduga'));
    const fine = await schedule('berita', sampleFields('berita', 'Berita terjadwal yang tetap terbit'));
    // An unexpected failure for one item only, from inside PostgreSQL (not a stub in the app).
    const owner = new Client({ connectionString: t.database.ownerUrl });
    await owner.connect();
    await owner.query(
      `CREATE FUNCTION test_refuse_item() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.item_id = '${broken.id}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`,
    );
    await owner.query(
      `CREATE TRIGGER test_refuse_item BEFORE INSERT ON published_content FOR EACH ROW EXECUTE FUNCTION test_refuse_item()`,
    );
    try {
      const due = new Date(Date.now() + 60_000);
      const report = await scheduler.tick(due);
      expect(report).toMatchObject({ published: 1, returned: 1, failedItems: 1, failedTenants: 0 });
      expect((await publicItem('berita', fine.slug)).title).toBe('Berita terjadwal yang tetap terbit');
      expect(await publicItem('pengumuman', ended.slug)).toBeUndefined();
      expect(await publicItem('berita', broken.slug)).toBeUndefined();

      const returned = await t.http().get(`${base()}/items/${ended.id}`).set(contributor.auth);
      expect(returned.body).toMatchObject({ state: 'draft', returnedBy: 'scheduler', scheduledAt: null });
      expect(returned.body.reviewComment).toMatch(/^Jadwal terbit dibatalkan.*validUntil sudah lewat/);
      const told = await t.http().get('/api/v1/me/notifications').set(contributor.auth);
      expect(told.body.items).toContainEqual(
        expect.objectContaining({ kind: 'returned', itemId: ended.id, note: returned.body.reviewComment }),
      );
      const log = await t.http().get(`/api/v1/tenants/${tenant.slug}/audit-events`).set(admin.auth);
      expect(log.body).toContainEqual(
        expect.objectContaining({ action: 'content.schedule_failed', targetId: ended.id }),
      );
      // The one that failed unexpectedly stays scheduled and goes out once the fault is gone.
      const stillDue = await t.http().get(`${base()}/items/${broken.id}`).set(contributor.auth);
      expect(stillDue.body.state).toBe('scheduled');
      await owner.query(`DROP TRIGGER test_refuse_item ON published_content`);
      expect(await scheduler.tick(new Date(due.getTime() + 15_000))).toMatchObject({
        published: 1,
        failedItems: 0,
      });
      expect((await publicItem('berita', broken.slug)).title).toBe('Berita yang gagal tak terduga');
      expect((await scheduler.tick(new Date(due.getTime() + 30_000))).tenantsVisited).toBe(0);
    } finally {
      await owner.query(`DROP TRIGGER IF EXISTS test_refuse_item ON published_content`);
      await owner.query(`DROP FUNCTION IF EXISTS test_refuse_item()`);
      await owner.end();
    }
  });

  it('keeps a schedule across a restart: another API instance publishes it', async () => {
    const created = await t
      .http()
      .post(`${base()}/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'Terjadwal sebelum restart') });
    const publishAt = new Date(Date.now() + 60_000);
    await act(editor, created.body.id, 'schedule', { version: 1, publishAt: publishAt.toISOString() });
    const restarted = await startAnotherInstance(t.database);
    try {
      const report = await restarted.app.get(ScheduledPublisher).tick(new Date(publishAt.getTime() + 5_000));
      expect(report.published).toBe(1);
    } finally {
      await restarted.close();
    }
    expect((await publicItem('berita', created.body.slug)).title).toBe('Terjadwal sebelum restart');
  });

  it('reports an announcement whose validity ended, once', async () => {
    const scheduler = t.app.get(ScheduledPublisher);
    const fields = {
      ...sampleFields('pengumuman', 'Pendaftaran ditutup Jumat'),
      validUntil: new Date(Date.now() + 30_000).toISOString(),
    };
    const created = await t.http().post(`${base()}/pengumuman`).set(editor.auth).send({ fields });
    await act(editor, created.body.id, 'publish', { version: 1 });
    const changes = (await siteChanges()).length;
    await scheduler.tick(new Date(Date.now() + 60_000));
    await scheduler.tick(new Date(Date.now() + 120_000));
    expect((await siteChanges()).slice(changes)).toEqual(['content.expired']);
  });

  it('deletes a live item off the site; contributors may delete only their never-published drafts', async () => {
    const created = await t
      .http()
      .post(`${base()}/berita`)
      .set(contributor.auth)
      .send({ fields: sampleFields('berita', 'Berita untuk dihapus') });
    const published = await act(editor, created.body.id, 'publish', { version: 1 });
    const byContributor = await t
      .http()
      .delete(`${base()}/items/${created.body.id}?version=${published.body.version}`)
      .set(contributor.auth);
    expect(byContributor.status).toBe(403);
    const byEditor = await t
      .http()
      .delete(`${base()}/items/${created.body.id}?version=${published.body.version}`)
      .set(editor.auth);
    expect(byEditor.status).toBe(204);
    expect(await publicItem('berita', created.body.slug)).toBeUndefined();
    expect((await siteChanges()).at(-1)).toBe('content.deleted');
    const own = await t
      .http()
      .post(`${base()}/berita`)
      .set(contributor.auth)
      .send({ fields: sampleFields('berita', 'Draf sendiri') });
    expect(
      (await t.http().delete(`${base()}/items/${own.body.id}?version=1`).set(contributor.auth)).status,
    ).toBe(204);
  });

  it('shows a readable diff between revisions', async () => {
    const created = await t
      .http()
      .post(`${base()}/berita`)
      .set(editor.auth)
      .send({ fields: sampleFields('berita', 'Judul lama') });
    await t
      .http()
      .put(`${base()}/berita/${created.body.id}`)
      .set(editor.auth)
      .send({
        version: 1,
        fields: { ...sampleFields('berita', 'Judul baru'), tags: ['ktp-el', 'kecamatan'] },
      });
    const diff = await t.http().get(`${base()}/items/${created.body.id}/revisions/2/diff`).set(editor.auth);
    expect(diff.body).toMatchObject({ from: 1, to: 2 });
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        { path: 'title', kind: 'changed', before: 'Judul lama', after: 'Judul baru' },
        { path: 'tags.1', kind: 'added', after: 'kecamatan' },
      ]),
    );
  });

  it('names the field in validation errors of typed content', async () => {
    const response = await t
      .http()
      .post(`${base()}/agenda`)
      .set(editor.auth)
      .send({
        fields: { title: 'Rapat', startsAt: '2026-12-10T12:00', endsAt: '2026-12-10T09:00', venue: '' },
      });
    expect(response.status).toBe(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'fields.endsAt',
      'fields.venue',
    ]);
    const badDoc = await t
      .http()
      .post(`${base()}/berita`)
      .set(editor.auth)
      .send({
        fields: { title: 'Berita', body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } },
      });
    expect(badDoc.body.details).toEqual([
      expect.objectContaining({ field: 'fields.body', constraint: 'isRichText' }),
    ]);
    const exempt = await t
      .http()
      .post(`${base()}/dokumen`)
      .set(editor.auth)
      .send({ fields: { ...sampleFields('dokumen'), informationClass: 'dikecualikan' } });
    expect(exempt.body.details).toEqual([
      expect.objectContaining({ field: 'fields.exemptionReason', constraint: 'requiredWhen' }),
    ]);
    const online = await t
      .http()
      .post(`${base()}/layanan`)
      .set(editor.auth)
      .send({
        fields: {
          ...sampleFields('layanan'),
          deliveryChannels: [{ kind: 'online', appName: 'Permen Manis' }],
        },
      });
    expect(online.body.details).toEqual([
      expect.objectContaining({ field: 'fields.deliveryChannels.0.url' }),
    ]);
  });

  it('uses a rich-text body that survives the round trip', async () => {
    const body = doc('Paragraf satu.');
    const created = await t
      .http()
      .post(`${base()}/halaman`)
      .set(editor.auth)
      .send({ fields: { title: 'Sejarah', kind: 'sejarah', body } });
    expect(created.body.fields.body).toEqual(body);
  });
});

describe('content isolation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("cannot read, change or publish tenant B's item through tenant A's slug", async () => {
    const [a, b] = [await t.given.tenant(), await t.given.tenant()];
    const adminA = await t.given.memberSignedIn(a, 'tenant_admin');
    const editorB = await t.given.memberSignedIn(b, 'editor');
    const itemB = await t
      .http()
      .post(`/api/v1/tenants/${b.slug}/content/berita`)
      .set(editorB.auth)
      .send({ fields: sampleFields('berita', 'Rahasia B') });
    const viaA = `/api/v1/tenants/${a.slug}/content`;
    const attempts = [
      t.http().get(`${viaA}/berita/${itemB.body.id}`).set(adminA.auth),
      t.http().get(`${viaA}/items/${itemB.body.id}`).set(adminA.auth),
      t
        .http()
        .put(`${viaA}/berita/${itemB.body.id}`)
        .set(adminA.auth)
        .send({ version: 1, fields: sampleFields('berita', 'Dibajak') }),
      t.http().post(`${viaA}/items/${itemB.body.id}/publish`).set(adminA.auth).send({ version: 1 }),
      t.http().get(`${viaA}/items/${itemB.body.id}/revisions`).set(adminA.auth),
      t.http().delete(`${viaA}/items/${itemB.body.id}?version=1`).set(adminA.auth),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('CONTENT_NOT_FOUND');
    }
    const listA = await t.http().get(viaA).set(adminA.auth);
    expect(listA.body.total).toBe(0);
    const still = await t
      .http()
      .get(`/api/v1/tenants/${b.slug}/content/berita/${itemB.body.id}`)
      .set(editorB.auth);
    expect(still.body).toMatchObject({ title: 'Rahasia B', state: 'draft', version: 1 });
  });
});
