import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { DomainError } from '../errors/domain-error';
import { RequestThrottleStorage } from '../http/request-throttle-storage';

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
 * stops at that OPD's limit. Over a limit: 429 with Retry-After, and nothing is written.
 */
@Injectable()
export class PublicFormLimits {
  private readonly counts: RequestThrottleStorage;

  constructor(@Inject(Database) db: Database) {
    this.counts = new RequestThrottleStorage(db);
  }

  async take(limit: FormLimit, client: string, tenantId: string): Promise<void> {
    for (const [key, most] of [
      [`client:${client}`, limit.perClient],
      [`opd:${tenantId}`, limit.perOpd],
    ] as const) {
      const count = await this.counts.increment(key, limit.windowMs, most, limit.windowMs, limit.name);
      if (count.isBlocked)
        throw new DomainError('RATE_LIMITED', limit.refusal, [], {
          'Retry-After': String(count.timeToBlockExpire),
        });
    }
  }
}
