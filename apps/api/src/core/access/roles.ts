/** Roles a user holds inside one OPD (tenant), lowest first. */
export const TENANT_ROLES = ['contributor', 'editor', 'tenant_admin'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** City-wide roles: Diskominfotik runs the platform, Bappeda/Bapperida watches every OPD read-only. */
export const PLATFORM_ROLES = ['platform_admin', 'monitor'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export function roleAtLeast(role: TenantRole, minimum: TenantRole): boolean {
  return TENANT_ROLES.indexOf(role) >= TENANT_ROLES.indexOf(minimum);
}

/**
 * Duties a member may hold beside their role, given by the OPD's admin: the PPID officer answers information
 * requests (and alone sees requesters' personal data); the atasan PPID decides objections.
 */
export const TENANT_DUTIES = ['ppid_officer', 'ppid_superior'] as const;
export type TenantDuty = (typeof TENANT_DUTIES)[number];
