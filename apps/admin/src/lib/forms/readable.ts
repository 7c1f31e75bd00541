import { documentToText } from '../rich-text';
import type { ContentForm, Field } from './spec';

/** A field's value as a person reads it (paragraphs, one list item per line, choices by their label). */
export function readable(field: Field, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (field.kind === 'richtext') return documentToText(value);
  if (field.kind === 'checkbox') return value ? 'Ya' : 'Tidak';
  if (field.kind === 'select')
    return field.options.find(([option]) => option === value)?.[1] ?? String(value);
  if (Array.isArray(value))
    return value
      .map((entry) =>
        typeof entry === 'object' ? Object.values(entry as object).join(' · ') : String(entry),
      )
      .join('\n');
  if (typeof value === 'object') return Object.values(value as object).join(' · ');
  return String(value);
}

/** The fields where the newer version differs from what this person typed: label and the newer value. */
export function changedFields(
  form: ContentForm,
  typed: Record<string, unknown>,
  newer: Record<string, unknown>,
): Array<[string, string]> {
  return form.fields
    .filter(
      (field) => JSON.stringify(typed[field.name] ?? null) !== JSON.stringify(newer[field.name] ?? null),
    )
    .map((field) => [field.label, readable(field, newer[field.name])]);
}
