import type { Me } from './api';

export const isPlatformAdmin = (me: Me) => me.platformRole === 'platform_admin';

export const KIND_LABELS: Record<string, string> = {
  dinas: 'Dinas',
  badan: 'Badan',
  kecamatan: 'Kecamatan',
  bagian: 'Bagian',
  inspektorat: 'Inspektorat',
  sekretariat: 'Sekretariat',
  lainnya: 'Lainnya',
};

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
