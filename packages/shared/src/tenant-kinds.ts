/** What kind of OPD a tenant is, as people read it (the admin's lists, the city portal's directory). */
export const TENANT_KIND_LABELS: Record<string, string> = {
  dinas: 'Dinas',
  badan: 'Badan',
  kecamatan: 'Kecamatan',
  bagian: 'Bagian',
  inspektorat: 'Inspektorat',
  sekretariat: 'Sekretariat',
  lainnya: 'Lainnya',
};
