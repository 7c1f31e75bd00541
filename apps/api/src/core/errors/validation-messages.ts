import { type ValidationError } from 'class-validator';
import { getMetadataStorage } from 'class-validator';
import { type FieldError } from './domain-error';
import { type Template } from './english-messages';

/** Bahasa Indonesia messages for the validation rules our DTOs use, with the rule's own limits. */
export const TEMPLATES: Record<string, Template> = {
  isDefined: (f) => `${f} wajib diisi`,
  isObject: (f) => `${f} harus berupa objek`,
  isNotEmpty: (f) => `${f} tidak boleh kosong`,
  isString: (f) => `${f} harus berupa teks`,
  isBoolean: (f) => `${f} harus bernilai true atau false`,
  isInt: (f) => `${f} harus berupa bilangan bulat`,
  isNumber: (f) => `${f} harus berupa angka`,
  isUUID: (f) => `${f} harus berupa UUID yang valid`,
  isEmail: (f) => `${f} harus berupa alamat email yang valid`,
  isUrl: (f) => `${f} harus berupa URL yang valid`,
  isFQDN: (f) => `${f} harus berupa nama domain yang valid`,
  isIn: (f, [values]) => `${f} harus salah satu dari: ${(values as unknown[]).join(', ')}`,
  isEnum: (f, [values]) => `${f} harus salah satu dari: ${Object.values(values as object).join(', ')}`,
  isArray: (f) => `${f} harus berupa daftar`,
  arrayMaxSize: (f, [max]) => `${f} berisi paling banyak ${max} butir`,
  arrayMinSize: (f, [min]) => `${f} berisi paling sedikit ${min} butir`,
  minLength: (f, [min]) => `${f} minimal ${min} karakter`,
  maxLength: (f, [max]) => `${f} maksimal ${max} karakter`,
  length: (f, [min, max]) => `${f} harus ${min}–${max} karakter`,
  min: (f, [min]) => `${f} minimal ${min}`,
  max: (f, [max]) => `${f} maksimal ${max}`,
  matches: (f) => `${f} formatnya tidak sesuai`,
  isPhoneNumber: (f) => `${f} harus berupa nomor telepon yang valid`,
  isIndonesianPhone: (f) =>
    `${f} harus berupa nomor telepon Indonesia yang nyata (mis. 0721 123456 atau +62 812 3456 7890)`,
  isTenantSlug: (f) =>
    `${f} hanya boleh huruf kecil, angka dan tanda hubung (2–48 karakter), dan bukan kata yang dicadangkan`,
  isRichText: (f, [max]) =>
    `${f} harus berupa dokumen teks kaya yang valid (maksimal ${Math.round(Number(max) / 1000)} KB)`,
  isMediaRef: (f) => `${f} harus berisi mediaId atau url https`,
  isAfterField: (f, [other]) => `${f} harus setelah ${other}`,
  isDateString: (f) => `${f} harus berupa tanggal ISO 8601 (mis. 2026-12-01 atau 2026-12-01T09:00:00+07:00)`,
  isISO8601: (f) => `${f} harus berupa tanggal ISO 8601 (mis. 2026-12-01 atau 2026-12-01T09:00:00+07:00)`,
  isHexColor: (f) => `${f} harus berupa warna heksadesimal (mis. #0b5394)`,
  hasBrandContrast: (f, [min]) =>
    `${f} terlalu terang: kontras dengan teks putih harus minimal ${String(min).replace('.', ',')}:1; pilih warna yang lebih gelap`,
  isLatitude: (f) => `${f} harus berupa lintang yang valid`,
  isLongitude: (f) => `${f} harus berupa bujur yang valid`,
  requiredWhen: (f, [other]) => `${f} wajib diisi bila ${other}`,
  nestedValidation: (f) => `${f} harus berupa objek`,
  whitelistValidation: (f) => `${f} tidak dikenal; hapus kolom ini`,
};

/** Flattens class-validator errors (nested ones too) into one list of field errors in Bahasa Indonesia. */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    if (isMissing(error)) {
      // "Required when …" says more than a bare "required".
      const conditional = error.constraints?.['requiredWhen'] !== undefined;
      const constraint = conditional ? 'requiredWhen' : 'isDefined';
      const args = constraintArgs(error, constraint);
      return [{ field, constraint, message: describe(field, constraint, '', args), args }];
    }
    // One message per field: the rule declared first (by convention the type check) is listed last.
    const broken = Object.entries(error.constraints ?? {}).at(-1);
    const own = broken ? [brokenRule(error, field, broken[0], broken[1])] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function brokenRule(error: ValidationError, field: string, rule: string, englishMessage: string): FieldError {
  const args = constraintArgs(error, rule);
  return {
    field,
    constraint: rule === 'whitelistValidation' ? 'unknownField' : rule,
    message: describe(field, rule, englishMessage, args),
    args,
  };
}

function describe(field: string, constraint: string, englishMessage: string, args: unknown[]): string {
  const template = TEMPLATES[constraint];
  if (!template) return `${field}: ${englishMessage}`;
  return template(field, args);
}

function constraintArgs(error: ValidationError, constraint: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  return metadata?.constraints ?? [];
}

/** A missing field breaks every rule on it; one "wajib diisi" says it better than five messages. */
function isMissing(error: ValidationError): boolean {
  if (!error.constraints || !error.target || 'whitelistValidation' in error.constraints) return false;
  const value = (error.target as Record<string, unknown>)[error.property];
  return value === undefined || value === null;
}

/**
 * Field errors told with each field's label as the person filling in a form reads it ("Nama lengkap berisi
 * paling sedikit 3 karakter"), not its name in the API; a field without a label, or a rule of a service's own
 * (already in words), is left as it is.
 */
export function withLabels(errors: FieldError[], labels: Record<string, string>): FieldError[] {
  return errors.map((error) => {
    const label = labels[error.field];
    const template = TEMPLATES[error.constraint];
    if (!label || !template) return error;
    // On a form a value out of a list is a choice the person made: the API's codes would mean nothing to them.
    if (error.constraint === 'isIn')
      return { ...error, message: `${label}: pilih dari pilihan yang tersedia` };
    return { ...error, message: template(label, error.args ?? []) };
  });
}
