import { type Field, inputName } from './spec';
import { type Translate, translator } from '../i18n';
import { parseAngka } from '@laman/shared';
import { inFormWords } from './field-words';
import { type FormState, liveRows, ROWS, type Uploads } from './form-state';

export type FieldErrors = Record<string, string>;

export const ALT_MISSING = 'Jelaskan isi foto untuk pembaca tunanetra (teks alternatif)';

/**
 * Checks what can be checked before anything is uploaded (a mistake should not cost an upload on a slow link):
 * required fields, numbers, and alt text for a new photo. The API checks everything again.
 */
export function checkState(
  fields: Field[],
  state: FormState,
  uploads: Uploads,
  t: Translate = translator('id'),
  prefix = '',
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const name = inputName(prefix, field.name);
    const typed = (state[name] ?? '').trim();
    const label = t(field.label);
    const missing = t('{label} wajib diisi', { label });
    switch (field.kind) {
      case 'checkbox':
      case 'files':
      case 'group':
        if (field.kind === 'group') Object.assign(errors, checkState(field.fields, state, uploads, t, name));
        break;
      case 'photo':
        if (uploads.has(`${name}.file`) && !(state[`${name}.alt`] ?? '').trim())
          errors[`${name}.alt`] = t(ALT_MISSING);
        else if (field.required && !uploads.has(`${name}.file`) && !state[`${name}.mediaId`])
          errors[`${name}.file`] = missing;
        break;
      case 'number':
        if (!typed) {
          if (field.required) errors[name] = missing;
        } else {
          const parsed = parseAngka(typed);
          const value = parsed.ok ? parsed.value : null;
          if (!parsed.ok)
            errors[name] =
              parsed.reason === 'ambiguous'
                ? t('{label}: "{typed}" bisa dibaca dua cara; {hint}', { label, typed, hint: t(parsed.hint) })
                : t('{label} harus berupa angka: {hint}', { label, hint: t(parsed.hint) });
          else if (field.integer && !Number.isInteger(value))
            errors[name] = t('{label} harus bilangan bulat', { label });
        }
        break;
      case 'rows': {
        const rows = liveRows(field, state, name, uploads);
        if (field.required && rows.length === 0)
          errors[name] = t('Isi minimal satu baris {label}', { label: label.toLowerCase() });
        for (const row of rows) Object.assign(errors, checkState(field.fields, state, uploads, t, row));
        break;
      }
      default:
        if (field.required && !typed) errors[name] = missing;
    }
  }
  return errors;
}

/**
 * Puts the API's field errors (`fields.values.0.target`, `fields.cover.mediaId`) on the nearest input the form
 * shows: the exact one, else the field that holds it.
 */
export function placeApiErrors(
  apiErrors: FieldErrors,
  shown: Set<string>,
  fields: Field[] = [],
): FieldErrors {
  const placed: FieldErrors = {};
  for (const [path, message] of Object.entries(apiErrors)) {
    const parts = path.split('.');
    while (parts.length > 1 && !shown.has(parts.join('.'))) parts.pop();
    placed[parts.join('.')] ??= inFormWords(message, fields);
  }
  // In the form's order, as checkState gives them: the first error is the first field the person meets.
  const order = [...shown];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return Object.fromEntries(Object.entries(placed).sort(([a], [b]) => rank(a) - rank(b)));
}

/** Every input and field name a form shows, for placing errors. */
export function shownNames(
  fields: Field[],
  state: FormState,
  prefix = '',
  names = new Set<string>(),
): Set<string> {
  for (const field of fields) {
    const name = inputName(prefix, field.name);
    names.add(name);
    if (field.kind === 'photo') ['file', 'alt', 'caption'].forEach((key) => names.add(`${name}.${key}`));
    if (field.kind === 'group') shownNames(field.fields, state, name, names);
    if (field.kind === 'rows')
      for (let index = 0; index < (Number(state[`${name}.${ROWS}`]) || 0); index++)
        shownNames(field.fields, state, `${name}.${index}`, names);
  }
  return names;
}
