import type { Me } from './api';
import { roleIn } from './content';

export interface TenantPage {
  slug: string;
  role: 'contributor' | 'editor' | 'tenant_admin';
  tenant: { slug: string; name: string };
}

/** The OPD a page under /opd/<slug>/ works on, if the person may work on it (else null: send them home). */
export function tenantPage(me: Me, slug: string | undefined): TenantPage | null {
  if (!slug) return null;
  const role = roleIn(me, slug);
  if (!role) return null;
  const tenant = me.memberships.find((membership) => membership.slug === slug) ?? { slug, name: slug };
  return { slug, role, tenant };
}
