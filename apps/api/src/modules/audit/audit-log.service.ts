import { Inject, Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { type TenantContext } from '../../core/access/principal';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { type AuditAction } from './audit-actions';
import { type AuditEvent } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { UsersRepository } from '../users/users.repository';

export interface AuditEntry {
  actorUserId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Records who did what inside a tenant, in the same transaction as the change it describes. */
@Injectable()
export class AuditLog {
  private readonly users = new UsersRepository();
  constructor(
    @Inject(AuditRepository) private readonly events: AuditRepository,
    @Inject(Database) private readonly db: Database,
  ) {}

  async record(tx: TenantTransaction, entry: AuditEntry): Promise<void> {
    await this.events.insert(tx, {
      actorUserId: entry.actorUserId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: entry.data ?? {},
    });
  }

  /**
   * The OPD's log, newest first. Sign-ins recorded here by earlier versions (`auth.login`, with the person's
   * address) are not this OPD's business and are never shown; each person sees their own devices instead.
   */
  list(
    tenant: TenantContext,
    page: { limit: number; offset: number },
  ): Promise<Array<AuditEvent & { actorName: string | null }>> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const events = await this.events.find(
        tx,
        { action: Not('auth.login') },
        { order: { createdAt: 'DESC' }, take: page.limit, skip: page.offset },
      );
      // Named for whoever reads the log (a monitor cannot list the OPD's members).
      const names = await this.users.namesOf(
        tx.manager,
        events.map((event) => event.actorUserId),
      );
      return events.map((event) =>
        Object.assign(event, { actorName: (event.actorUserId && names.get(event.actorUserId)) || null }),
      );
    });
  }
}
