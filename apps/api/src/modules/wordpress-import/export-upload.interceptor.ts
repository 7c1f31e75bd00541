import path from 'node:path';
import { SingleFileInterceptor } from '../../core/http/single-file-upload';

/** The largest WordPress export taken: a site of 20 years of news is tens of megabytes of XML. */
export const EXPORT_MAX_BYTES = 512 * 1024 * 1024;
/** The largest archive of an old site's uploads taken (the export alone is still held to EXPORT_MAX_BYTES). */
export const UPLOADS_MAX_BYTES = 4096 * 1024 * 1024;

const incoming = (config: { media: { dir: string } }) => path.join(config.media.dir, '.incoming');

/** A WordPress export upload: one file, streamed to a temporary file beside the media storage. */
export const ExportUploadInterceptor = SingleFileInterceptor(incoming, () => EXPORT_MAX_BYTES);

/** An import's upload: the export (`file`) and, optionally, the archive of the old uploads (`uploads`). */
export const ImportUploadInterceptor = SingleFileInterceptor(incoming, () => UPLOADS_MAX_BYTES, [
  'file',
  'uploads',
]);

/** OPDs one request may queue imports for at once (each an export and, optionally, its uploads archive). */
export const BATCH_MAX_OPDS = 100;

/** Imports for many OPDs: `files`, each named `<slug>.xml` (an export) or `<slug>.zip` (that OPD's uploads). */
export const BatchUploadInterceptor = SingleFileInterceptor(
  incoming,
  () => UPLOADS_MAX_BYTES,
  ['files'],
  2 * BATCH_MAX_OPDS,
);
