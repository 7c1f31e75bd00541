import { ApiError, type ApiClient, type Me } from './api';

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

/**
 * The OPD a platform page is about (`/platform/opd/[id]…`), or the page's 404 answer when the API knows no such
 * OPD; a fault stays a fault.
 */
export async function tenantOrNotFound<T extends TenantRow = TenantRow>(
  api: ApiClient,
  id: string | undefined,
  notFound: string,
): Promise<T | Response> {
  try {
    return await api.get<T>(`/api/v1/admin/tenants/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return new Response(notFound, { status: 404 });
    throw error;
  }
}
