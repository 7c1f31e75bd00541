import { richTextToHtml, type RichTextDocument } from '../content/rich-text/rich-text';

/** One thing citizens will read: a field's text, its HTML (rich text) or a link address, with its path. */
export interface PublicOutput {
  field: string;
  kind: 'text' | 'html' | 'url';
  value: string;
}

const URL_LIKE = /^(https?:)?\/\//i;
/** Keys whose values are identifiers, not words anyone reads. */
const NOT_READ = new Set(['mediaId']);

/**
 * Every public output of a set of fields, as the guard must read them: rich text as the HTML the site will
 * show (text, alt and title attributes, link addresses), link-like strings as addresses, other strings as text.
 */
export function publicOutputs(
  fields: unknown,
  richTextFields: readonly string[] = [],
  path = 'fields',
): PublicOutput[] {
  if (typeof fields === 'string') {
    return fields.trim()
      ? [{ field: path, kind: URL_LIKE.test(fields.trim()) ? 'url' : 'text', value: fields }]
      : [];
  }
  if (Array.isArray(fields))
    return fields.flatMap((item, index) => publicOutputs(item, [], `${path}.${index}`));
  if (typeof fields !== 'object' || fields === null) return [];
  return Object.entries(fields).flatMap(([key, value]) => {
    const field = `${path}.${key}`;
    if (NOT_READ.has(key)) return [];
    if (richTextFields.includes(key) && value && typeof value === 'object')
      return [{ field, kind: 'html' as const, value: richTextToHtml(value as RichTextDocument) }];
    return publicOutputs(value, [], field);
  });
}
