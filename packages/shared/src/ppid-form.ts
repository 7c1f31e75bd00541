/**
 * The information request form (permohonan informasi publik), as the OPD site renders it and as the API renders
 * it again with the citizen's values and what to fix: one definition, so both stay the same form. The limits
 * match the API's validation (apps/api/src/modules/ppid/ppid.dto.ts).
 */
export interface PpidFormField {
  name: 'name' | 'address' | 'email' | 'phone' | 'information' | 'purpose';
  label: string;
  hint?: string;
  kind: 'text' | 'email' | 'tel' | 'textarea';
  autocomplete?: string;
  required: boolean;
  minLength?: number;
  maxLength: number;
}

export const PPID_REQUEST_FIELDS: readonly PpidFormField[] = [
  {
    name: 'name',
    label: 'Nama lengkap',
    kind: 'text',
    autocomplete: 'name',
    required: true,
    minLength: 3,
    maxLength: 120,
  },
  {
    name: 'address',
    label: 'Alamat',
    hint: 'Sesuai identitas (KTP). Hanya PPID yang dapat membacanya.',
    kind: 'text',
    autocomplete: 'address-line1',
    required: true,
    minLength: 5,
    maxLength: 300,
  },
  {
    name: 'email',
    label: 'Surel (email)',
    hint: 'Isi surel atau nomor telepon, paling tidak satu.',
    kind: 'email',
    autocomplete: 'email',
    required: false,
    maxLength: 254,
  },
  {
    name: 'phone',
    label: 'Nomor telepon/WhatsApp',
    kind: 'tel',
    autocomplete: 'tel',
    required: false,
    maxLength: 20,
  },
  {
    name: 'information',
    label: 'Informasi yang diminta',
    hint: 'Sebutkan sejelas mungkin, misalnya judul dokumen dan tahunnya.',
    kind: 'textarea',
    required: true,
    minLength: 10,
    maxLength: 2000,
  },
  {
    name: 'purpose',
    label: 'Tujuan penggunaan informasi',
    kind: 'textarea',
    required: true,
    minLength: 10,
    maxLength: 1000,
  },
];

/** How the requester wants to receive the information (UU 14/2008 art. 22(1)). */
export const PPID_DELIVERY_OPTIONS: ReadonlyArray<{ value: 'email' | 'pickup' | 'post'; label: string }> = [
  { value: 'email', label: 'Salinan elektronik lewat surel' },
  { value: 'pickup', label: 'Diambil di kantor OPD' },
  { value: 'post', label: 'Dikirim lewat pos ke alamat di atas' },
];

/**
 * Fields a citizens' form carries besides its own: `website`, a honeypot kept off screen and out of reach of
 * keyboards and screen readers (a person leaves it empty; a bot filling every field does not), and `altcha`, the
 * proof-of-work payload the ALTCHA widget adds when the browser runs JavaScript.
 */
export const FORM_GUARD_FIELDS = { honeypot: 'website', proof: 'altcha' } as const;

/** Where the forms post, and the yearly report, on every OPD site (the edge hands these paths to the API). */
export const PPID_PATHS = {
  page: 'ppid/',
  submit: 'ppid/permohonan',
  lookup: 'ppid/permohonan/cek',
  report: 'ppid/laporan',
  challenge: 'ppid/permohonan/tantangan',
} as const;
