import type { Me } from './api';

export const isPlatformAdmin = (me: Me) => me.platformRole === 'platform_admin';

export { TENANT_KIND_LABELS as KIND_LABELS } from '@laman/shared';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: string;
  status: 'active' | 'suspended';
  suspendedReason: string | null;
  lastPublishedAt: string | null;
}
