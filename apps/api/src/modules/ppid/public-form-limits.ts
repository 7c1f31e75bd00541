import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { RequestThrottleStorage } from '../../core/http/request-throttle-storage';

/** How often one client, and all clients together for one OPD, may use a citizens' form. */
export interface FormLimit {
  name: string;
  perClient: number;
  perOpd: number;
  windowMs: number;
}

export const REQUEST_FORM: FormLimit = {
  name: 'ppid-request',
  perClient: 5,
  perOpd: 200,
  windowMs: 3_600_000,
};
/**
 * A request sent without the proof of work (a browser without JavaScript, or a script): still taken, so the form
 * works everywhere, but fewer of them — what a person without JavaScript needs, not what a flood needs.
 */
export const REQUEST_FORM_UNPROVEN: FormLimit = {
  name: 'ppid-request-unproven',
  perClient: 2,
  perOpd: 50,
  windowMs: 3_600_000,
};
export const STATUS_LOOKUP: FormLimit = {
  name: 'ppid-status',
  perClient: 30,
  perOpd: 2000,
  windowMs: 600_000,
};

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
        throw new DomainError('RATE_LIMITED', 'Terlalu banyak permohonan dari sini; coba lagi nanti', [], {
          'Retry-After': String(count.timeToBlockExpire),
        });
    }
  }
}
