import { fromState, toState } from './form-state';
import { type Field } from './spec';

/** A field both people changed, differently: the person must choose (or merge by editing theirs). */
export interface FieldConflict {
  name: string;
  label: string;
  mine: unknown;
  theirs: unknown;
}

export interface Merge {
  /** What to save: the other person's item with this person's changes put in, conflicting fields as typed. */
  merged: Record<string, unknown>;
  conflicts: FieldConflict[];
  /** Fields only the other person changed, taken from their version. */
  taken: string[];
}

type Values = Record<string, unknown>;

/** Empty is empty, however it is stored ("", null, [], absent); keys in any order are the same object. */
function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.length ? `[${value.map(canonical).join(',')}]` : '';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Values)
      .map(([key, inner]) => [key, canonical(inner)] as const)
      .filter(([, inner]) => inner !== '')
      .sort(([a], [b]) => a.localeCompare(b));
    return entries.length ? `{${entries.map(([key, inner]) => `${key}:${inner}`).join(',')}}` : '';
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * A three-way merge by field: `base` is the version the person opened, `mine` what they typed, `theirs` the
 * version saved meanwhile. A field only one side changed takes that side; a field both changed the same way is
 * fine; a field both changed differently is a conflict. Stored values are read through the form first, so a
 * value the form writes differently (a date's format, a document's marks) is not mistaken for a change.
 */
export function threeWay(fields: Field[], base: Values, mine: Values, theirs: Values): Merge {
  const asTyped = (values: Values) => fromState(fields, toState(fields, values));
  const [baseTyped, theirsTyped] = [asTyped(base), asTyped(theirs)];
  const merged: Values = { ...theirs };
  const conflicts: FieldConflict[] = [];
  const taken: string[] = [];
  for (const field of fields) {
    const [was, ours, other] = [baseTyped[field.name], mine[field.name], theirsTyped[field.name]];
    if (same(ours, other)) continue;
    if (same(ours, was)) taken.push(field.name);
    else if (same(other, was)) merged[field.name] = ours;
    else {
      merged[field.name] = ours;
      conflicts.push({ name: field.name, label: field.label, mine: ours, theirs: theirs[field.name] });
    }
  }
  for (const field of fields) if (merged[field.name] === undefined) delete merged[field.name];
  return { merged, conflicts, taken };
}
