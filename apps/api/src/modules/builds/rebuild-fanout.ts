import { type PgBoss } from 'pg-boss';
import { Database } from '../../core/database/database.service';
import { bossDbOf } from '../../core/queue/api-boss';
import {
  PORTAL_BUILD_QUEUE,
  type PortalBuildJob,
  PRIORITY,
  QUEUE_SCHEMA,
  type RebuildAllJob,
  SITE_BUILD_QUEUE,
  type SiteBuildJob,
} from '../../core/queue/site-build-queue';
import { AuditLog } from '../audit/audit-log.service';
import { AuditRepository } from '../audit/audit.repository';

/** OPDs queued per transaction: large enough that 20,000 take a few dozen commits, small enough to stay short. */
export const REBUILD_PAGE_SIZE = 500;

const TRIGGER = 'rebuild.requested';

/**
 * Turns one "rebuild these sites" job into a background build per OPD, a page of OPDs per transaction: each
 * page inserts its builds in one statement (an OPD whose build already waits keeps that one), notes the request in
 * each OPD's own log, and moves the job's cursor — so a worker that dies midway leaves a job that carries on
 * after the last page it committed, queuing and logging nothing twice.
 */
export class RebuildFanout {
  private readonly audit: AuditLog;

  constructor(
    private readonly db: Database,
    private readonly boss: PgBoss,
    private readonly pageSize = REBUILD_PAGE_SIZE,
  ) {
    this.audit = new AuditLog(new AuditRepository(), db);
  }

  /** Queues every page of the job; returns how many OPDs it queued (this run). */
  async run(job: RebuildAllJob, jobId?: string): Promise<number> {
    let after = job.after;
    let queued = 0;
    for (;;) {
      const page = await this.queuePage(job, after, jobId);
      if (page.length === 0) break;
      queued += page.length;
      after = page[page.length - 1]!;
    }
    if (queued > 0) {
      const portal: PortalBuildJob = { trigger: TRIGGER };
      await this.boss.send(PORTAL_BUILD_QUEUE, portal, {
        singletonKey: 'portal',
        priority: PRIORITY.background,
      });
    }
    return queued;
  }

  /** Queues the OPDs of the page after `after` in one transaction; returns their ids (none: the job is done). */
  queuePage(job: RebuildAllJob, after: string | null, jobId?: string): Promise<string[]> {
    return this.db.inPlatform(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT id FROM tenants
          WHERE status = 'active' AND ($1::text[] IS NULL OR slug = ANY($1)) AND ($2::uuid IS NULL OR id > $2)
          ORDER BY id LIMIT $3`,
        [job.only, after, this.pageSize],
      );
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return ids;
      const db = await bossDbOf(manager);
      await this.boss.insert(SITE_BUILD_QUEUE, ids.map(backgroundBuild), { db });
      if (jobId)
        await db.query(
          `UPDATE ${QUEUE_SCHEMA}.job SET data = jsonb_set(data, '{after}', to_jsonb($2::text)) WHERE id = $1`,
          [jobId, ids[ids.length - 1]],
        );
      for (const id of ids) {
        const tx = await this.db.enterTenant(manager, id);
        await this.audit.record(tx, { actorUserId: job.actorUserId, action: 'site.rebuild_requested' });
      }
      return ids;
    });
  }
}

function backgroundBuild(tenantId: string) {
  const data: SiteBuildJob = { tenantId, trigger: TRIGGER, background: true };
  return { data, singletonKey: tenantId, priority: PRIORITY.background };
}
