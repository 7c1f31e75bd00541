import { diffWords } from 'diff';
import { documentToText } from './rich-text';

export interface Piece {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldDiff {
  label: string;
  pieces: Piece[];
}

const FIELDS: Array<[string, string, (value: unknown) => string]> = [
  ['title', 'Judul', (value) => String(value ?? '')],
  ['summary', 'Ringkasan', (value) => String(value ?? '')],
  ['body', 'Isi', documentToText],
  [
    'cover',
    'Foto sampul',
    (value) => ((value as { mediaId?: string } | undefined)?.mediaId ? 'ada foto' : 'tanpa foto'),
  ],
];

/** The news fields that differ between two revisions, word by word, as a person reads them. */
export function readableDiff(before: Record<string, unknown>, after: Record<string, unknown>): FieldDiff[] {
  return FIELDS.flatMap(([key, label, asText]) => {
    const [old, next] = [asText(before[key]), asText(after[key])];
    if (old === next) return [];
    const pieces = diffWords(old, next).map((change) => ({
      kind: change.added ? ('added' as const) : change.removed ? ('removed' as const) : ('same' as const),
      text: change.value,
    }));
    return [{ label, pieces }];
  });
}
