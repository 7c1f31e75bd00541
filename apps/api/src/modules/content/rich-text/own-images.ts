import { DomainError, type FieldError } from '../../../core/errors/domain-error';
import { contentType } from '../types/registry';
import { type ContentTypeName } from '../types/content-type';

interface DocumentNode {
  type?: string;
  attrs?: { src?: unknown };
  content?: DocumentNode[];
}

function imageSources(node: DocumentNode): string[] {
  const own = node.type === 'image' && typeof node.attrs?.src === 'string' ? [node.attrs.src] : [];
  return [...own, ...(node.content ?? []).flatMap(imageSources)];
}

/**
 * Photos in rich text come from the OPD's media library only: an outside image (a banner hot-linked from
 * another server) can change after review, track citizens, or carry spam the guard never sees.
 */
export function assertOwnImages(
  type: ContentTypeName,
  fields: Record<string, unknown>,
  libraryPrefix: string,
): void {
  const problems: FieldError[] = contentType(type).richTextFields.flatMap((key) => {
    const document = fields[key];
    if (!document || typeof document !== 'object') return [];
    const outside = imageSources(document as DocumentNode).filter((src) => !src.startsWith(libraryPrefix));
    return outside.length
      ? [
          {
            field: `fields.${key}`,
            constraint: 'ownImages',
            message: `fields.${key} hanya boleh memuat gambar dari Pustaka Media OPD ini (unggah dulu, lalu sisipkan); gambar dari luar: ${outside[0]}`,
          },
        ]
      : [];
  });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', problems);
}
