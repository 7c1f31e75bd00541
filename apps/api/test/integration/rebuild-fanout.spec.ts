import { Logger } from '@nestjs/common';
import { type PgBoss } from 'pg-boss';
import { Database } from '../../src/core/database/database.service';
import { startApiBoss } from '../../src/core/queue/api-boss';
import { type RebuildAllJob } from '../../src/core/queue/site-build-queue';
import { RebuildFanout } from '../../src/modules/builds/rebuild-fanout';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Rebuilding many sites is one request and one job, whatever the number of OPDs; the job becomes one background
 * build per active OPD, a page of OPDs per transaction, each noted once in the OPD's own log — also when the
 * job is taken up again after its worker died between pages.
 */
describe('rebuild of many sites: one job, fanned out by pages', () => {
  let t: TestApp;
  let boss: PgBoss;
  let opds: Tenant[];
  let suspended: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    boss = await startApiBoss(t.database.appUrl, new Logger('test'));
    opds = [];
    for (let index = 0; index < 5; index++) opds.push(await t.given.tenant());
    suspended = await t.given.tenant(undefined, { status: 'suspended' });
  }, 60_000);
  afterAll(async () => {
    await boss.stop({ graceful: false, close: true });
    await t.close();
  });
  beforeEach(() =>
    asSuperuser(t.database, `DELETE FROM pgboss.job WHERE name IN ('site-build', 'site-rebuild-all')`),
  );

  const fanout = (pageSize: number) => new RebuildFanout(new Database(t.dataSource), boss, pageSize);
  const waitingBuilds = async (): Promise<string[]> =>
    (
      await asSuperuser<{ tenant: string }>(
        t.database,
        `SELECT data->>'tenantId' AS tenant FROM pgboss.job
          WHERE name = 'site-build' AND state = 'created' AND priority = 0 AND data->>'background' = 'true'
            AND data->>'trigger' = 'rebuild.requested'`,
      )
    )
      .map((row) => row.tenant)
      .sort();
  const loggedRequests = async (): Promise<Map<string, number>> => {
    const rows = await asSuperuser<{ tenant: string; n: number }>(
      t.database,
      `SELECT tenant_id AS tenant, count(*)::int AS n FROM audit_events
        WHERE action = 'site.rebuild_requested' GROUP BY tenant_id`,
    );
    return new Map(rows.map((row) => [row.tenant, row.n]));
  };
  const ids = (tenants: Tenant[]) => tenants.map((tenant) => tenant.id).sort();

  it('answers the request with one job, and the job queues a build for each OPD named', async () => {
    const admin = await t.given.platformSignedIn('platform_admin');
    const named = [opds[0]!, opds[1]!, opds[2]!];
    const asked = await t
      .http()
      .post('/api/v1/admin/sites/rebuild')
      .set(admin.auth)
      .send({ tenants: named.map((tenant) => tenant.slug) });
    expect(asked.status).toBe(202);
    expect([...asked.body.queued].sort()).toEqual(named.map((tenant) => tenant.slug).sort());
    const jobs = await asSuperuser<{ id: string; data: RebuildAllJob }>(
      t.database,
      `SELECT id, data FROM pgboss.job WHERE name = 'site-rebuild-all'`,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toEqual({
      only: expect.arrayContaining(named.map((tenant) => tenant.slug)),
      actorUserId: admin.user.id,
      after: null,
    });
    expect(await waitingBuilds()).toEqual([]);

    expect(await fanout(2).run(jobs[0]!.data, jobs[0]!.id)).toBe(3);
    expect(await waitingBuilds()).toEqual(ids(named));
    const logged = await loggedRequests();
    for (const tenant of named) expect(logged.get(tenant.id)).toBe(1);
    expect(logged.get(opds[3]!.id)).toBeUndefined();
  });

  it('queues every active OPD and no suspended one when none is named', async () => {
    const before = await loggedRequests();
    await fanout(2).run({ only: null, actorUserId: null, after: null });
    const active = await asSuperuser<{ id: string }>(
      t.database,
      `SELECT id FROM tenants WHERE status = 'active'`,
    );
    expect(await waitingBuilds()).toEqual(active.map((row) => row.id).sort());
    expect(await waitingBuilds()).not.toContain(suspended.id);
    const after = await loggedRequests();
    for (const { id } of active) expect(after.get(id)).toBe((before.get(id) ?? 0) + 1);
    expect(after.get(suspended.id)).toBeUndefined();
  });

  it('carries on after the last page committed when a worker died midway: nothing queued or logged twice', async () => {
    const only = opds.map((tenant) => tenant.slug);
    const [jobId] = (await boss.insert(
      'site-rebuild-all',
      [{ data: { only, actorUserId: null, after: null } satisfies RebuildAllJob }],
      { returnId: true },
    ))!;
    const before = await loggedRequests();
    // The first page commits, then the worker "dies": the job's stored cursor is all a retry gets.
    await fanout(2).queuePage({ only, actorUserId: null, after: null }, null, jobId);
    const [stored] = await asSuperuser<{ data: RebuildAllJob }>(
      t.database,
      `SELECT data FROM pgboss.job WHERE id = $1`,
      [jobId],
    );
    expect(stored!.data.after).toBe(ids(opds)[1]);

    await fanout(2).run(stored!.data, jobId);
    expect(await waitingBuilds()).toEqual(ids(opds));
    const after = await loggedRequests();
    for (const tenant of opds) expect(after.get(tenant.id)).toBe((before.get(tenant.id) ?? 0) + 1);
  });

  it('keeps the build that already waits for an OPD (an editor change keeps its priority)', async () => {
    const tenant = opds[4]!;
    await boss.send(
      'site-build',
      { tenantId: tenant.id, trigger: 'content.published' },
      { singletonKey: tenant.id, priority: 10 },
    );
    await fanout(10).run({ only: [tenant.slug], actorUserId: null, after: null });
    const waiting = await asSuperuser<{ priority: number; trigger: string }>(
      t.database,
      `SELECT priority, data->>'trigger' AS trigger FROM pgboss.job
        WHERE name = 'site-build' AND singleton_key = $1 AND state = 'created'`,
      [tenant.id],
    );
    expect(waiting).toEqual([{ priority: 10, trigger: 'content.published' }]);
  });
});
