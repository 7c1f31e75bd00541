import { Inject, Injectable } from '@nestjs/common';
import { type ThrottlerStorage } from '@nestjs/throttler';
import { Database } from '../database/database.service';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** About one hit in this many also deletes windows that ended an hour ago or more. */
const SWEEP_ONE_IN = 200;

/**
 * @nestjs/throttler's counts in PostgreSQL (`request_throttles`), so every API replica counts against one
 * limit: kept in each process, N replicas let N times the limit through. A fixed window per key; one atomic
 * upsert per hit (concurrent hits serialise on the row), which also starts the block once the limit is passed.
 */
@Injectable()
export class RequestThrottleStorage implements ThrottlerStorage {
  constructor(@Inject(Database) private readonly db: Database) {}

  async increment(
    key: string,
    ttlMs: number,
    limit: number,
    blockDurationMs: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [row] = await this.db.platformQuery<{
      hits: number;
      expires_in: number;
      blocked_for: number | null;
    }>(
      `WITH hit AS (
         INSERT INTO request_throttles AS t (key, hits, window_ends, blocked_until)
         VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0),
                 CASE WHEN 1 > $3 THEN now() + make_interval(secs => $4 / 1000.0) END)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN t.window_ends <= now() THEN 1 ELSE t.hits + 1 END,
           window_ends = CASE WHEN t.window_ends <= now()
                              THEN now() + make_interval(secs => $2 / 1000.0) ELSE t.window_ends END,
           blocked_until = CASE
             WHEN t.blocked_until > now() THEN t.blocked_until
             WHEN (CASE WHEN t.window_ends <= now() THEN 1 ELSE t.hits + 1 END) > $3
               THEN now() + make_interval(secs => $4 / 1000.0)
           END
         RETURNING hits, window_ends, blocked_until)
       SELECT hits,
              extract(epoch FROM window_ends - now()) AS expires_in,
              CASE WHEN blocked_until > now() THEN extract(epoch FROM blocked_until - now()) END AS blocked_for
         FROM hit`,
      [`${throttlerName}:${key}`, ttlMs, limit, blockDurationMs],
    );
    if (Math.random() * SWEEP_ONE_IN < 1) void this.sweep();
    const blockedFor = row!.blocked_for === null ? 0 : Math.ceil(Number(row!.blocked_for));
    return {
      totalHits: row!.hits,
      timeToExpire: Math.max(0, Math.ceil(Number(row!.expires_in))),
      isBlocked: blockedFor > 0,
      timeToBlockExpire: blockedFor,
    };
  }

  private async sweep(): Promise<void> {
    await this.db
      .platformQuery(
        `DELETE FROM request_throttles WHERE window_ends < now() - interval '1 hour'
            AND (blocked_until IS NULL OR blocked_until < now())`,
      )
      .catch(() => undefined);
  }
}
