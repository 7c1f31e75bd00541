import { type CityPolicy, type TenantPolicyOverride } from '@laman/shared';

/**
 * The checks behind the score and the city's default policy (the policy's shape is shared with the admin app,
 * in @laman/shared). Defaults follow the legal cadences in the domain
 * brief (periodic information every 6 months, SKM yearly, LKjIP by the end of March) and a monthly news
 * cadence. One OPD may differ: its own cadences, and checks it is exempt from (a kecamatan without its own
 * SAKIP documents, say).
 */
export type { CityPolicy, TenantPolicyOverride };

/** Every check the score knows, with its weight (out of 100 when all count). */
export const CHECK_WEIGHTS: Record<string, number> = {
  'contact.phone': 5,
  'contact.address': 4,
  'contact.email': 3,
  'profile.vision': 6,
  'profile.duties': 6,
  'profile.structure': 4,
  'profile.officials': 4,
  'services.published': 10,
  'services.pledge': 6,
  'services.survey': 5,
  'ppid.profile': 6,
  'ppid.list': 8,
  'ppid.periodic': 4,
  'ppid.on_time': 5,
  'performance.renstra': 4,
  'performance.renja': 6,
  'performance.agreement': 4,
  'performance.report': 5,
  'performance.actuals': 2,
  'news.monthly': 8,
};
export const CHECK_CODES = Object.keys(CHECK_WEIGHTS);

export const DEFAULT_POLICY: CityPolicy = {
  required: CHECK_CODES,
  newsMaxDays: 30,
  periodicInfoMaxMonths: 6,
  surveyMaxMonths: 12,
  lkjipDueMonth: 3,
  publicTransparency: false,
};

/** The city's policy with one OPD's differences applied. */
export function effectivePolicy(city: CityPolicy, override: TenantPolicyOverride | null): CityPolicy {
  if (!override) return city;
  const exempt = new Set(override.exempt ?? []);
  return {
    ...city,
    required: city.required.filter((code) => !exempt.has(code)),
    newsMaxDays: override.newsMaxDays ?? city.newsMaxDays,
    periodicInfoMaxMonths: override.periodicInfoMaxMonths ?? city.periodicInfoMaxMonths,
    surveyMaxMonths: override.surveyMaxMonths ?? city.surveyMaxMonths,
  };
}

/** What each check asks for, as a platform admin reads it when choosing what counts. */
export const CHECK_LABELS: Record<string, string> = {
  'contact.phone': 'Nomor telepon',
  'contact.address': 'Alamat kantor',
  'contact.email': 'Email resmi',
  'profile.vision': 'Halaman visi dan misi',
  'profile.duties': 'Halaman tugas pokok dan fungsi',
  'profile.structure': 'Struktur organisasi',
  'profile.officials': 'Data pejabat',
  'services.published': 'Minimal satu layanan dengan standar pelayanannya',
  'services.pledge': 'Maklumat pelayanan',
  'services.survey': 'Hasil survei kepuasan masyarakat (SKM)',
  'ppid.profile': 'Profil PPID',
  'ppid.list': 'Daftar informasi publik (PPID)',
  'ppid.periodic': 'Informasi berkala yang diperbarui',
  'ppid.on_time': 'Permohonan informasi dijawab tepat waktu (bila ada permohonan)',
  'performance.renstra': 'Renstra yang berlaku',
  'performance.renja': 'Renja tahun berjalan',
  'performance.agreement': 'Perjanjian kinerja tahun berjalan',
  'performance.report': 'LKjIP tahun lalu (setelah tenggatnya)',
  'performance.actuals': 'Realisasi indikator kinerja (IKU) tahun lalu (setelah tenggat LKjIP)',
  'news.monthly': 'Berita terbaru',
};
