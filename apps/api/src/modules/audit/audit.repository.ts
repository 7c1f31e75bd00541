import { Injectable } from '@nestjs/common';
import { TenantScopedRepository } from '../../core/database/tenant-scoped.repository';
import { AuditEvent } from './audit-event.entity';

@Injectable()
export class AuditRepository extends TenantScopedRepository<AuditEvent> {
  constructor() {
    super(AuditEvent);
  }
}
