import path from 'node:path';
import { type FieldError, fieldError } from '../../core/errors/domain-error';
import { type UploadedFile } from '../../core/http/single-file-upload';

/** One OPD's files in a batch: its export, and the archive of its old uploads if sent. */
export interface OpdFiles {
  slug: string;
  exportFile: UploadedFile;
  uploads: UploadedFile | null;
}

/** `<slug>.xml` is an OPD's export, `<slug>.zip` its uploads (a slug as tenants.slug allows). */
const FILE_NAME = /^([a-z0-9][a-z0-9-]{0,46}[a-z0-9])\.(xml|zip)$/;

/** The field a file's refusal is reported under: the file's own name (control characters dropped, kept short). */
export function fieldOf(file: UploadedFile): string {
  return `files[${[...file.originalname]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .slice(0, 100)}]`;
}

/**
 * Groups a batch's files by the OPD their names give: every file named `<slug>.xml` or `<slug>.zip` (any folder
 * the browser sent dropped, any case), each at most once, and no archive without its export — anything else is a
 * refusal naming the file.
 */
export function groupBatch(files: UploadedFile[]): { groups: OpdFiles[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const exports = new Map<string, UploadedFile>();
  const uploads = new Map<string, UploadedFile>();
  for (const file of files) {
    const match = FILE_NAME.exec(path.basename(file.originalname.replaceAll('\\', '/')).toLowerCase());
    const field = fieldOf(file);
    if (!match) {
      errors.push(
        fieldError(
          field,
          'importFileName',
          `${field}: beri nama <slug-opd>.xml (ekspor) atau <slug-opd>.zip (unggahan)`,
        ),
      );
      continue;
    }
    const [, slug, kind] = match as unknown as [string, string, 'xml' | 'zip'];
    const into = kind === 'xml' ? exports : uploads;
    if (into.has(slug)) errors.push(fieldError(field, 'duplicateFile', `${field}: dikirim dua kali`));
    else into.set(slug, file);
  }
  for (const [slug, file] of uploads)
    if (!exports.has(slug)) {
      const field = fieldOf(file);
      errors.push(
        fieldError(
          field,
          'uploadsWithoutExport',
          `${field}: arsip unggahan tanpa berkas ekspor OPD-nya (${slug}.xml)`,
        ),
      );
    }
  const groups = [...exports].map(([slug, exportFile]) => ({
    slug,
    exportFile,
    uploads: uploads.get(slug) ?? null,
  }));
  return { groups, errors };
}
