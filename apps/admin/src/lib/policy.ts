import type { CityPolicy, TenantPolicyOverride } from '@laman/shared';
import type { Field } from './forms/spec';

export interface PolicyView {
  policy: CityPolicy;
  defaults: CityPolicy;
  updatedAt: string | null;
  checks: Array<{ code: string; weight: number; label: string }>;
}

export interface TenantPolicyView {
  override: TenantPolicyOverride | null;
  effective: CityPolicy;
}

const CADENCES: Field[] = [
  {
    kind: 'number',
    name: 'newsMaxDays',
    label: 'Berita terbaru paling lama (hari)',
    integer: true,
    min: 7,
    max: 365,
  },
  {
    kind: 'number',
    name: 'periodicInfoMaxMonths',
    label: 'Informasi berkala diperbarui tiap (bulan)',
    integer: true,
    min: 1,
    max: 24,
  },
  {
    kind: 'number',
    name: 'surveyMaxMonths',
    label: 'Hasil SKM paling lama (bulan)',
    integer: true,
    min: 1,
    max: 36,
  },
];

/** The city's cadences, all required; the LKjIP due month is the city's alone. */
export const CITY_FIELDS: Field[] = [
  ...CADENCES.map((field) => ({ ...field, required: true })),
  {
    kind: 'number',
    name: 'lkjipDueMonth',
    label: 'LKjIP tahun lalu jatuh tempo akhir bulan ke-',
    hint: 'Permenpan RB 53/2014: akhir Maret (3).',
    integer: true,
    min: 1,
    max: 12,
    required: true,
  },
];

/** One OPD's own cadences: empty follows the city. */
export const OVERRIDE_FIELDS: Field[] = CADENCES.map((field) => ({
  ...field,
  hint: 'Kosongkan untuk mengikuti kebijakan kota.',
}));

/** The checks ticked in a posted form (checkboxes named `name`, valued with the check's code). */
export const tickedChecks = (form: FormData, name: string, known: string[]): string[] => {
  const ticked = new Set(form.getAll(name).map(String));
  return known.filter((code) => ticked.has(code));
};
