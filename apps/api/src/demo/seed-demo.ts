import { type DataSource } from 'typeorm';
import { type Principal } from '../core/access/principal';
import { type TenantDuty, type TenantRole } from '../core/access/roles';
import { type TenantKind } from '../modules/tenants/tenant.entity';
import { DirectorySeeder } from './directory-seeder';
import directory from './opd-bandar-lampung.json';

/** Demo password for every demo account. Printed by `pnpm start`; never used outside the demo. */
export const DEMO_PASSWORD = 'Laman-Demo-2026';
export const DEMO_TENANTS = ['bapperida', 'diskominfo', 'disdukcapil', 'dpmptsp', 'kec-teluk-betung-utara'];

const ROLE_ACCOUNTS: Array<{ role: TenantRole; prefix: string; label: string; duties?: TenantDuty[] }> = [
  { role: 'tenant_admin', prefix: 'admin', label: 'Admin' },
  { role: 'editor', prefix: 'editor', label: 'Editor' },
  { role: 'contributor', prefix: 'kontributor', label: 'Kontributor' },
  // The OPD's PPID officer: answers information requests, publishes nothing without review.
  { role: 'contributor', prefix: 'ppid', label: 'PPID', duties: ['ppid_officer'] },
  // The atasan PPID (often the OPD's secretary): answers objections to the PPID's answers.
  { role: 'contributor', prefix: 'atasan', label: 'Atasan PPID', duties: ['ppid_superior'] },
];

export interface DemoLogin {
  email: string;
  role: string;
  tenant?: string;
}

export interface DemoTenant {
  tenantId: string;
  slug: string;
  name: string;
  shortName: string;
  admin: Principal;
}

export interface DemoDirectory {
  logins: DemoLogin[];
  tenants: DemoTenant[];
}

/** Seeds the demo directory on an empty database; a database with any tenant or user is left untouched. */
export async function seedDemo(dataSource: DataSource): Promise<DemoDirectory | null> {
  const seeder = new DirectorySeeder(dataSource);
  if (!(await seeder.isEmpty())) return null;
  const logins: DemoLogin[] = [];
  const tenants: DemoTenant[] = [];
  await seeder.user({
    email: 'platform@laman.example',
    name: 'Admin Platform Diskominfotik',
    password: DEMO_PASSWORD,
    platformRole: 'platform_admin',
  });
  logins.push({ email: 'platform@laman.example', role: 'platform_admin' });
  await seeder.user({
    email: 'monitor@laman.example',
    name: 'Pemantau Bapperida',
    password: DEMO_PASSWORD,
    platformRole: 'monitor',
  });
  logins.push({ email: 'monitor@laman.example', role: 'monitor' });

  for (const slug of DEMO_TENANTS) {
    const opd = directory.opds.find((candidate) => candidate.slug === slug);
    if (!opd) throw new Error(`Demo OPD ${slug} is missing from opd-bandar-lampung.json`);
    const tenant = await seeder.tenant({
      slug: opd.slug,
      name: opd.name,
      shortName: opd.shortName,
      kind: opd.kind as TenantKind,
      formerNames: opd.formerNames,
    });
    for (const account of ROLE_ACCOUNTS) {
      const email = `${account.prefix}.${slug}@laman.example`;
      const user = await seeder.user({
        email,
        name: `${account.label} ${opd.shortName}`,
        password: DEMO_PASSWORD,
      });
      await seeder.member(tenant, user, account.role, account.duties);
      logins.push({
        email,
        role: account.duties ? `${account.role} + ${account.duties.join(', ')}` : account.role,
        tenant: slug,
      });
      if (account.role === 'tenant_admin') {
        const admin = { userId: user.id, sessionId: 'demo-seed', email, name: user.name, platformRole: null };
        tenants.push({ tenantId: tenant.id, slug, name: opd.name, shortName: opd.shortName, admin });
      }
    }
  }
  return { logins, tenants };
}
