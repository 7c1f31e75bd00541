import { type PlatformRole, type TenantDuty, type TenantRole } from './roles';

export const ACCESS_POLICY = 'laman:access-policy';

export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'platform'; roles: PlatformRole[] }
  /**
   * A route under /tenants/:tenant. Members need at least `minRole`; platform admins always pass;
   * monitors pass on reads when `monitorMayRead`. Writes to a suspended tenant are refused. With `duties`, only
   * active members holding one of them pass: not platform admins, not monitors (requesters' personal data is
   * the OPD's PPID's alone).
   */
  | { kind: 'tenant'; minRole: TenantRole; monitorMayRead: boolean; duties?: TenantDuty[] };

export function describePolicy(policy: AccessPolicy): string {
  switch (policy.kind) {
    case 'public':
      return 'Akses: publik.';
    case 'authenticated':
      return 'Akses: pengguna yang sudah masuk.';
    case 'platform':
      return `Akses: peran platform ${policy.roles.join(', ')}.`;
    case 'tenant':
      if (policy.duties) return `Akses: anggota OPD yang bertugas sebagai ${policy.duties.join(' atau ')}.`;
      return (
        `Akses: anggota OPD dengan peran minimal ${policy.minRole}, atau platform_admin` +
        (policy.monitorMayRead ? '; monitor boleh membaca.' : '.')
      );
  }
}
