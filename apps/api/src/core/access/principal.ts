import { type PlatformRole, type TenantDuty, type TenantRole } from './roles';

/** The signed-in caller, loaded fresh on every request (a revoked session or deactivated user stops at once). */
export interface Principal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  platformRole: PlatformRole | null;
}

/** The tenant a request acts on, resolved from the `:tenant` slug by the access guard, never from a body. */
export interface TenantContext {
  tenantId: string;
  slug: string;
  status: 'active' | 'suspended';
  /** The caller's role in this tenant; platform admins act as tenant admins, monitors have none. */
  role: TenantRole | null;
  /** The caller's duties in this tenant (PPID); none for platform accounts. */
  duties: TenantDuty[];
  actor: Principal;
}

export interface AccessRequest {
  principal?: Principal;
  tenantContext?: TenantContext;
}
