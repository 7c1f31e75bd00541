import { AuditEvent } from './audit-event.entity';

/** The audit module's table, as TypeORM maps them. */
export const AUDIT_ENTITIES = [AuditEvent];
