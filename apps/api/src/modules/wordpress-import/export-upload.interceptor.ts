import path from 'node:path';
import { SingleFileInterceptor } from '../../core/http/single-file-upload';

/** The largest WordPress export taken: a site of 20 years of news is tens of megabytes of XML. */
export const EXPORT_MAX_BYTES = 512 * 1024 * 1024;

/** A WordPress export upload: one file, streamed to a temporary file beside the media storage. */
export const ExportUploadInterceptor = SingleFileInterceptor(
  (config) => path.join(config.media.dir, '.incoming'),
  () => EXPORT_MAX_BYTES,
);
