import path from 'node:path';
import { SingleFileInterceptor } from '../../core/http/single-file-upload';

/** The media library's uploads: one file, to a temporary file beside the media storage, up to the larger limit. */
export const UploadInterceptor = SingleFileInterceptor(
  (config) => path.join(config.media.dir, '.incoming'),
  (config) => Math.max(config.media.maxImageBytes, config.media.maxDocumentBytes),
);
