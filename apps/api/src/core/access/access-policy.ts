import { type PlatformRole, type TenantRole } from './roles';

export const ACCESS_POLICY = 'laman:access-policy';

export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'platform'; roles: PlatformRole[] }
  /**
   * A route under /tenants/:tenant. Members need at least `minRole`; platform admins always pass;
   * monitors pass on reads when `monitorMayRead`. Writes to a suspended tenant are refused.
   */
  | { kind: 'tenant'; minRole: TenantRole; monitorMayRead: boolean };

export function describePolicy(policy: AccessPolicy): string {
  switch (policy.kind) {
    case 'public':
      return 'Akses: publik.';
    case 'authenticated':
      return 'Akses: pengguna yang sudah masuk.';
    case 'platform':
      return `Akses: peran platform ${policy.roles.join(', ')}.`;
    case 'tenant':
      return (
        `Akses: anggota OPD dengan peran minimal ${policy.minRole}, atau platform_admin` +
        (policy.monitorMayRead ? '; monitor boleh membaca.' : '.')
      );
  }
}
