import { type EntityManager } from 'typeorm';

export interface PortalBuildRow {
  id: string;
  status: 'building' | 'live' | 'failed';
  trigger: string;
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  log: string;
}

/** The city portal's build records (platform data: the portal belongs to no OPD). */
export class PortalBuildsRepository {
  async start(
    manager: EntityManager,
    build: { trigger: string; jobId: string; attempt: number },
  ): Promise<string> {
    // A worker that died mid-build left its record open; this retry replaces it.
    await manager.query(
      `UPDATE portal_builds SET status = 'failed', finished_at = now(), log = 'Pekerja build berhenti di tengah build; build diulang.'
        WHERE job_id = $1 AND status = 'building'`,
      [build.jobId],
    );
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO portal_builds (status, trigger, job_id, attempt) VALUES ('building', $1, $2, $3) RETURNING id`,
      [build.trigger, build.jobId, build.attempt],
    );
    return rows[0]!.id;
  }

  async finish(manager: EntityManager, id: string, outcome: 'live' | 'failed', log: string): Promise<void> {
    await manager.query(
      `UPDATE portal_builds SET status = $2, finished_at = now(),
         duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int, log = $3 WHERE id = $1`,
      [id, outcome, log],
    );
  }

  async recent(manager: EntityManager, limit: number): Promise<PortalBuildRow[]> {
    return manager.query(
      `SELECT id, status, trigger, attempt, started_at AS "startedAt", finished_at AS "finishedAt",
              duration_ms AS "durationMs", log
         FROM portal_builds ORDER BY started_at DESC LIMIT $1`,
      [limit],
    );
  }
}
