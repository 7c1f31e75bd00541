import { Client } from 'pg';
import { periodicLockName } from '../../src/core/scheduling/periodic-service';
import { ScheduledPublisher } from '../../src/modules/content/scheduled-publisher';
import { ScoreHistoryService } from '../../src/modules/oversight/score-history.service';
import { sampleFields } from '../helpers/content-samples';
import { createItem } from '../helpers/sample-site';
import { type SignedIn } from '../helpers/given';
import { startAnotherInstance, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Periodic work at the size of a city or a country: a pass touches only the OPDs with something due, and one
 * replica runs each kind of pass at a time (issue 17: every pass walked every OPD on every replica, and passes
 * overlapped).
 */
describe('periodic work', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function opdWithEditor(): Promise<{ slug: string; editor: SignedIn }> {
    const tenant = await t.given.tenant();
    return { slug: tenant.slug, editor: await t.given.memberSignedIn(tenant, 'editor') };
  }

  const create = (slug: string, editor: SignedIn, type: string, fields: Record<string, unknown>) =>
    createItem(t, { slug }, editor, type, fields);

  async function act(slug: string, editor: SignedIn, id: string, action: string, body: object) {
    const response = await t
      .http()
      .post(`/api/v1/tenants/${slug}/content/items/${id}/${action}`)
      .set(editor.auth)
      .send(body);
    expect(response.status).toBe(200);
  }

  it('visits only the OPDs with something due, each until its work is done', async () => {
    const scheduler = t.app.get(ScheduledPublisher);
    const start = Date.now();
    const [scheduling, announcing] = [await opdWithEditor(), await opdWithEditor()];
    for (let count = 0; count < 20; count++) await opdWithEditor();
    // Nothing due anywhere, however many OPDs: no OPD is visited.
    expect(await scheduler.tick(new Date(start))).toMatchObject({ tenantsVisited: 0 });

    const news = await create(
      scheduling.slug,
      scheduling.editor,
      'berita',
      sampleFields('berita', 'Terjadwal'),
    );
    const publishAt = new Date(start + 60_000);
    await act(scheduling.slug, scheduling.editor, news.id, 'schedule', {
      version: news.version,
      publishAt: publishAt.toISOString(),
    });
    const notice = await create(announcing.slug, announcing.editor, 'pengumuman', {
      ...sampleFields('pengumuman', 'Pendaftaran ditutup'),
      validFrom: new Date(start - 60_000).toISOString(),
      validUntil: new Date(start + 120_000).toISOString(),
    });
    await act(announcing.slug, announcing.editor, notice.id, 'publish', { version: notice.version });

    expect(await scheduler.tick(new Date(start + 1_000))).toMatchObject({ tenantsVisited: 0, published: 0 });
    expect(await scheduler.tick(new Date(start + 61_000))).toMatchObject({ tenantsVisited: 1, published: 1 });
    expect(await scheduler.tick(new Date(start + 62_000))).toMatchObject({ tenantsVisited: 0 });
    expect(await scheduler.tick(new Date(start + 121_000))).toMatchObject({
      tenantsVisited: 1,
      timeBoundaries: 1,
    });
    expect(await scheduler.tick(new Date(start + 600_000))).toMatchObject({ tenantsVisited: 0 });
  });

  it('runs each pass on one replica at a time: a replica that finds the pass running skips its turn', async () => {
    const { slug, editor } = await opdWithEditor();
    const news = await create(slug, editor, 'berita', sampleFields('berita', 'Terjadwal untuk dua replika'));
    const publishAt = new Date(Date.now() + 60_000);
    await act(slug, editor, news.id, 'schedule', {
      version: news.version,
      publishAt: publishAt.toISOString(),
    });
    const other = await startAnotherInstance(t.database);
    // A third replica in the middle of its pass holds the lock.
    const url = new URL(t.database.superuserUrl);
    url.pathname = `/${t.database.name}`;
    const running = new Client({ connectionString: url.toString() });
    await running.connect();
    try {
      await running.query('SELECT pg_advisory_lock(hashtext($1))', [periodicLockName('ScheduledPublisher')]);
      const due = new Date(publishAt.getTime() + 1_000);
      for (const replica of [t.app, other.app])
        expect(await replica.get(ScheduledPublisher).tick(due)).toMatchObject({
          tenantsVisited: 0,
          published: 0,
        });
      // Other kinds of pass are not held up by it.
      expect(await other.app.get(ScoreHistoryService).recordDue(due)).toBeGreaterThan(0);

      await running.query('SELECT pg_advisory_unlock_all()');
      const [first, second] = await Promise.all([
        t.app.get(ScheduledPublisher).tick(due),
        other.app.get(ScheduledPublisher).tick(due),
      ]);
      expect(first.published + second.published).toBe(1);
    } finally {
      await running.end();
      await other.close();
    }
  });
});
