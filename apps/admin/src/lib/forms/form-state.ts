import { formatAngka, parseAngka } from '@laman/shared';
import { documentToText, textToDocument } from '../rich-text';
import { type Field, inputName } from './spec';

/** What a form's inputs hold, by input name (`title`, `values.0.year`, `cover.mediaId`…), as typed. */
export type FormState = Record<string, string>;
/** Files chosen in the form, by input name (`cover.file`, `attachments.new`). */
export type Uploads = Map<string, File[]>;

/** Marks kept beside a field's inputs: rows shown, a row or photo removed, the stored rich-text document. */
export const ROWS = '__rows';
export const REMOVE = '__hapus';
export const DOC = '__doc';
/** A photo chosen from the media library instead of uploaded. */
export const PICK = '__pilih';

const WIB_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the value of a datetime-local input in WIB: `2026-12-10T09:00`. */
export function toWibInput(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const part = (type: string) => WIB_PARTS.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** A number as Indonesians write it ("1.250", "12,5"), and back: see `parseAngka` (@laman/shared). */
const showNumber = (value: number) => formatAngka(value, { grouping: false });
export function parseNumber(text: string): number | null {
  const parsed = parseAngka(text);
  return parsed.ok ? parsed.value : null;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** The inputs' values for an item's fields (or a new item's defaults). */
export function toState(
  fields: Field[],
  value: Record<string, unknown> | null,
  prefix = '',
  state: FormState = {},
): FormState {
  for (const field of fields) {
    const name = inputName(prefix, field.name);
    const current = value?.[field.name];
    switch (field.kind) {
      case 'richtext':
        state[name] = documentToText(current);
        state[`${name}.${DOC}`] = current ? JSON.stringify(current) : '';
        break;
      case 'lines':
        state[name] = Array.isArray(current) ? current.join('\n') : '';
        break;
      case 'checkbox':
        state[name] = (current === undefined && value === null ? field.default : current === true)
          ? 'on'
          : '';
        break;
      case 'number':
        state[name] = typeof current === 'number' ? showNumber(current) : '';
        break;
      case 'datetime':
        state[name] = typeof current === 'string' ? toWibInput(current) : '';
        break;
      case 'photo': {
        const ref = asRecord(current);
        for (const key of ['mediaId', 'url', 'alt', 'caption'])
          state[`${name}.${key}`] = String(ref[key] ?? '');
        break;
      }
      case 'files': {
        const refs = Array.isArray(current) ? current.map(asRecord) : [];
        state[`${name}.${ROWS}`] = String(refs.length);
        refs.forEach((ref, index) => {
          for (const key of ['mediaId', 'url', 'caption'])
            state[`${name}.${index}.${key}`] = String(ref[key] ?? '');
        });
        break;
      }
      case 'rows': {
        const rows = Array.isArray(current) ? current.map(asRecord) : [];
        const shown = value === null ? (field.blankRows ?? 1) : Math.max(rows.length, 1);
        state[`${name}.${ROWS}`] = String(shown);
        for (let index = 0; index < shown; index++)
          toState(field.fields, rows[index] ?? null, `${name}.${index}`, state);
        break;
      }
      case 'group':
        toState(field.fields, value === null ? null : asRecord(current), name, state);
        break;
      case 'select':
        // A required choice shows its first option, so that is what the form holds.
        state[name] = current ? String(current) : field.required ? (field.options[0]?.[0] ?? '') : '';
        break;
      default:
        state[name] = current === undefined || current === null ? '' : String(current);
    }
  }
  return state;
}

/** Strings and files of a posted form, apart. */
export function readForm(form: FormData): { state: FormState; uploads: Uploads } {
  const state: FormState = {};
  const uploads: Uploads = new Map();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') state[name] = value;
    else if (value.size > 0) uploads.set(name, [...(uploads.get(name) ?? []), value]);
  }
  return { state, uploads };
}

export const rowCount = (state: FormState, name: string) =>
  Math.max(0, Number(state[`${name}.${ROWS}`]) || 0);
const removed = (state: FormState, name: string) => state[`${name}.${REMOVE}`] === 'on';
const text = (state: FormState, name: string) => (state[name] ?? '').trim();

/** The rich-text document: the stored one while its text is untouched (keeps headings, links…), else the text. */
function richText(state: FormState, name: string): object | undefined {
  const typed = (state[name] ?? '').replace(/\r\n/g, '\n').trim();
  const stored = state[`${name}.${DOC}`];
  if (stored) {
    try {
      const document = JSON.parse(stored) as object;
      if (documentToText(document).trim() === typed) return typed ? document : undefined;
    } catch {
      // A damaged hidden value: the typed text wins.
    }
  }
  return typed ? textToDocument(typed) : undefined;
}

function mediaRef(state: FormState, name: string, keys: string[]): Record<string, string> | undefined {
  const ref: Record<string, string> = {};
  for (const key of keys) if (text(state, `${name}.${key}`)) ref[key] = text(state, `${name}.${key}`);
  return ref['mediaId'] || ref['url'] ? ref : undefined;
}

/** The API's fields from the form's inputs; an emptied optional field is left out. */
export function fromState(fields: Field[], state: FormState, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const name = inputName(prefix, field.name);
    const value = fieldValue(field, state, name);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

function fieldValue(field: Field, state: FormState, name: string): unknown {
  switch (field.kind) {
    case 'richtext':
      return richText(state, name);
    case 'lines': {
      const lines = (state[name] ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.length || field.required ? lines : undefined;
    }
    case 'checkbox':
      return state[name] === 'on';
    case 'number': {
      const parsed = parseNumber(state[name] ?? '');
      return parsed ?? undefined;
    }
    case 'photo':
      return removed(state, name) ? undefined : mediaRef(state, name, ['mediaId', 'url', 'alt', 'caption']);
    case 'files': {
      const refs: Array<Record<string, string>> = [];
      for (let index = 0; index < rowCount(state, name); index++) {
        const ref = removed(state, `${name}.${index}`)
          ? undefined
          : mediaRef(state, `${name}.${index}`, ['mediaId', 'url', 'caption']);
        if (ref) refs.push(ref);
      }
      return refs;
    }
    case 'rows': {
      const rows = liveRows(field, state, name).map((row) => fromState(field.fields, state, row));
      return rows.length || field.required ? rows : undefined;
    }
    case 'group': {
      const group = fromState(field.fields, state, name);
      return Object.keys(group).length ? group : undefined;
    }
    default:
      return text(state, name) || undefined;
  }
}

/** Prefixes of the rows a person filled in and did not remove (a choice alone does not fill a row). */
export function liveRows(
  field: Field & { kind: 'rows' },
  state: FormState,
  name: string,
  uploads?: Uploads,
): string[] {
  const rows: string[] = [];
  for (let index = 0; index < rowCount(state, name); index++) {
    const row = `${name}.${index}`;
    if (removed(state, row)) continue;
    const filled = Object.entries(state).some(
      ([key, value]) =>
        key.startsWith(`${row}.`) &&
        !key.endsWith(`.${ROWS}`) &&
        value.trim() !== '' &&
        !isChoice(field, key.slice(row.length + 1)),
    );
    const hasFile = [...(uploads?.keys() ?? [])].some((key) => key.startsWith(`${row}.`));
    if (filled || hasFile) rows.push(row);
  }
  return rows;
}

const isChoice = (field: Field & { kind: 'rows' }, key: string) =>
  field.fields.some((sub) => sub.name === key && (sub.kind === 'select' || sub.kind === 'checkbox'));

/** Buttons that rearrange a form without saving: `tambah:<rows>` adds a row, `naik:<rows>.<n>` moves row n up. */
export const isLayoutAction = (action: string) => /^(tambah|naik):[\w.]+$/.test(action);

export function applyLayout(state: FormState, action: string): void {
  const [verb, target = ''] = action.split(':');
  if (verb === 'tambah') {
    state[`${target}.${ROWS}`] = String(rowCount(state, target) + 1);
    return;
  }
  const match = /^(.+)\.(\d+)$/.exec(target);
  const index = Number(match?.[2]);
  if (!match || index < 1 || index >= rowCount(state, match[1]!)) return;
  swapRows(state, `${match[1]}.${index - 1}.`, `${match[1]}.${index}.`);
}

function swapRows(state: FormState, above: string, below: string): void {
  const moved: FormState = {};
  for (const [key, value] of Object.entries(state)) {
    if (key.startsWith(above)) moved[below + key.slice(above.length)] = value;
    else if (key.startsWith(below)) moved[above + key.slice(below.length)] = value;
    else continue;
    delete state[key];
  }
  Object.assign(state, moved);
}

/** The stored object with the form's fields put in: what the form does not show (map coordinates…) stays. */
export function mergeFields(
  fields: Field[],
  stored: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...stored };
  for (const field of fields) {
    const value =
      field.kind === 'group'
        ? mergeFields(field.fields, asRecord(stored[field.name]), asRecord(values[field.name]))
        : values[field.name];
    const empty =
      value === undefined || (field.kind === 'group' && Object.keys(value as object).length === 0);
    if (empty) delete merged[field.name];
    else merged[field.name] = value;
  }
  return merged;
}
