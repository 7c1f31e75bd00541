import { ImageProcess, type ImageStage, type Rendition } from './image-process';

export type { ImageStage, Rendition } from './image-process';

/** The one image child of this API process (image-worker.mjs). */
const images = new ImageProcess();

/**
 * Renders an uploaded photo in the image child: orientation applied, all metadata (EXIF, GPS) dropped,
 * decompression bombs refused before decoding (pixel limit). `first`: what a page needs at once (WebP and
 * JPEG up to 1,024 px, the dominant colour and a tiny blurred placeholder); `rest`: AVIF and the large sizes,
 * made after the upload answered (LaterVariants). Refusals come back as DomainErrors (413, 415, 422).
 */
export function renderImage(
  source: string,
  workDir: string,
  maxPixels: number,
  stage: ImageStage,
): Promise<Rendition> {
  return images.render(stage, { source, workDir, maxPixels });
}

/** Stops the image child (the API is shutting down). */
export function stopImageWork(): void {
  images.stop();
}
