import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { DomainError } from '../errors/domain-error';
import { RequestThrottleStorage } from '../http/request-throttle-storage';
import { KnownBlocks } from './known-blocks';

/** How often one client, and all clients together for one OPD, may use a citizens' form. */
export interface FormLimit {
  name: string;
  perClient: number;
  perOpd: number;
  windowMs: number;
  /** What the citizen reads when over the limit. */
  refusal: string;
}

/**
 * Limits on the public forms, counted in PostgreSQL (`request_throttles`) so every API replica shares them: per
 * client address (as the trusted proxies report it), and per OPD, so a flood from many addresses at one OPD
 * stops at that OPD's limit. Over a limit: 429 with Retry-After, and nothing is written. Once a process has seen
 * a block start it refuses from memory until the block ends (`KnownBlocks`): a flood at an OPD over its limit
 * costs no database work per request, so it does not slow the readers and officers sharing the database.
 */
@Injectable()
export class PublicFormLimits {
  private readonly counts: RequestThrottleStorage;
  private readonly blocks = new KnownBlocks();

  constructor(@Inject(Database) db: Database) {
    this.counts = new RequestThrottleStorage(db);
  }

  /** Refuses at once, counting nothing, when this process knows the client or the OPD is over `limit`. */
  refuseKnown(limit: FormLimit, client: string, tenantId: string): void {
    for (const [key] of keysOf(limit, client, tenantId)) {
      const seconds = this.blocks.remaining(`${limit.name}:${key}`);
      if (seconds) throw refusal(limit, seconds);
    }
  }

  async take(limit: FormLimit, client: string, tenantId: string): Promise<void> {
    this.refuseKnown(limit, client, tenantId);
    for (const [key, most] of keysOf(limit, client, tenantId)) {
      const count = await this.counts.increment(key, limit.windowMs, most, limit.windowMs, limit.name);
      if (count.isBlocked) {
        this.blocks.remember(`${limit.name}:${key}`, count.timeToBlockExpire);
        throw refusal(limit, count.timeToBlockExpire);
      }
    }
  }
}

/** The client's count first: one client over its limit must not use up the OPD's. */
function keysOf(limit: FormLimit, client: string, tenantId: string): Array<[string, number]> {
  return [
    [`client:${client}`, limit.perClient],
    [`opd:${tenantId}`, limit.perOpd],
  ];
}

function refusal(limit: FormLimit, retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', limit.refusal, [], { 'Retry-After': String(retryAfterSeconds) });
}
