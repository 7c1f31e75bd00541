/**
 * Numbers as Indonesians write them: a dot groups thousands, a comma starts the decimals ("1.250" is one
 * thousand two hundred and fifty, "12,5" is twelve and a half, "1.234,5" both). Input that is not valid in
 * that notation but is in the English one ("12.5", "1,250,000", "1,234.5") is not guessed: the person is asked
 * to write it again, with a hint. Shown numbers use the same notation (`Intl`, id-ID).
 */
export type ParsedNumber =
  { ok: true; value: number } | { ok: false; reason: 'not-a-number' | 'ambiguous'; hint: string };

const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const notANumber = (hint: string): ParsedNumber => ({ ok: false, reason: 'not-a-number', hint });
const ambiguous = (hint: string): ParsedNumber => ({ ok: false, reason: 'ambiguous', hint });

export function parseAngka(text: string): ParsedNumber {
  const compact = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[−–]/, '-');
  const sign = compact.startsWith('-') ? -1 : 1;
  const unsigned = compact.replace(/^[-+]/, '');
  if (!/^[\d.,]+$/.test(unsigned) || !/\d/.test(unsigned))
    return notANumber('tulis angka saja, mis. 1.250 atau 12,5');
  const commas = unsigned.split(',').length - 1;
  const [whole = '', decimals] = unsigned.split(',');
  if (commas > 1 || (commas === 1 && whole.includes('.') === false && /\./.test(decimals ?? '')))
    return ambiguous('pakai titik untuk ribuan dan koma untuk desimal, mis. 1.234,5');
  if (commas === 0 && /^\d+\.\d+$/.test(unsigned) && !GROUPED.test(unsigned))
    return ambiguous(`untuk desimal pakai koma, mis. ${unsigned.replace('.', ',')}`);
  if (whole.includes('.') && !GROUPED.test(whole))
    return notANumber('titik hanya untuk ribuan (kelompok tiga angka), mis. 12.500.000');
  if (decimals !== undefined && !/^\d+$/.test(decimals)) return notANumber('tulis angka saja, mis. 12,5');
  if (whole === '') return notANumber('tulis angka sebelum koma, mis. 0,5');
  const value = Number(`${whole.replace(/\./g, '')}${decimals !== undefined ? `.${decimals}` : ''}`);
  return Number.isFinite(value) ? { ok: true, value: sign * value } : notANumber('angka terlalu besar');
}

/**
 * A number as Indonesians read it: "1.250", "39,7", "-0,5". `grouping: false` leaves out the thousands dots
 * (a year in a form: "2026"); `fractionDigits` rounds.
 */
export function formatAngka(
  value: number,
  { fractionDigits = 20, grouping = true }: { fractionDigits?: number; grouping?: boolean } = {},
): string {
  return new Intl.NumberFormat('id-ID', {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
    useGrouping: grouping,
  }).format(value);
}

/** A file size: "850 KB", "1,5 MB" (never "0.0 MB"). */
export function formatUkuran(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatAngka(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatAngka(bytes / 1024 / 1024, { fractionDigits: 1 })} MB`;
}
