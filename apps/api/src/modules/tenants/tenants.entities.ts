import { Tenant } from './tenant.entity';

/** The tenants module's tables (an OPD), as TypeORM maps them. */
export const TENANTS_ENTITIES = [Tenant];
