/**
 * A content type's form, described as data: the admin renders, reads and checks every type's form from one of
 * these, so a new field is one line here (and the API stays the judge of what is valid).
 */
interface Base {
  /** The API's field name (also the form input's name, with dots for nested values). */
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

export type Field =
  | (Base & { kind: 'text'; max?: number; input?: 'text' | 'url' | 'email' | 'tel' })
  | (Base & { kind: 'textarea'; max?: number; rows?: number })
  | (Base & { kind: 'richtext' })
  /** A list of short texts, one per line. */
  | (Base & { kind: 'lines' })
  | (Base & { kind: 'select'; options: Array<readonly [value: string, label: string]> })
  | (Base & { kind: 'checkbox'; default?: boolean })
  | (Base & { kind: 'number'; integer?: boolean; min?: number; max?: number })
  /** Date and time in WIB. */
  | (Base & { kind: 'datetime' })
  | (Base & { kind: 'date' })
  /** One photo from the media library: upload (camera or gallery) with alt text, keep or remove. */
  | (Base & { kind: 'photo' })
  /** Files attached from the media library (PDF, office documents, images). */
  | (Base & { kind: 'files' })
  /** Repeated rows of the same fields (values per year, service points, album items). */
  | (Base & { kind: 'rows'; fields: Field[]; rowLabel: string; addLabel: string; blankRows?: number })
  /** A nested object shown as one fieldset. */
  | (Base & { kind: 'group'; fields: Field[] });

export interface ContentForm {
  type: string;
  /** "Tulis berita", "Tambah layanan"… */
  newTitle: string;
  /** The API field that holds the item's title. */
  titleField: string;
  fields: Field[];
}

/** The input's name for a field inside rows or groups: `values.0.year`. */
export const inputName = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);
/** A valid, readable HTML id for an input name: `values.0.year` → `values-0-year`. */
export const inputId = (name: string) => name.replace(/\./g, '-');

/** A media-library file a form shows (a thumbnail of the photo, the name of a document). */
export interface MediaPreview {
  fileName: string;
  thumbnailUrl: string | null;
  url: string;
}

/**
 * A browser cannot be handed a chosen file back: when a form comes back with errors, each file input that had
 * a file says to choose it again.
 */
export function askFilesAgain(
  uploads: Map<string, File[]>,
  errors: Record<string, string>,
  t: (text: string) => string = (text) => text,
): Record<string, string> {
  const out = { ...errors };
  for (const name of uploads.keys())
    out[name] ??= t('Pilih berkasnya lagi (berkas tidak disimpan karena isian perlu diperbaiki).');
  return out;
}
