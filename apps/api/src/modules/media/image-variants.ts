import path from 'node:path';
import sharp from 'sharp';
import { DomainError } from '../../core/errors/domain-error';
import { type StoredFile } from './media.entity';

/** Widths for `srcset`, in every format a phone browser may prefer (AVIF, WebP) plus a JPEG fallback. */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600];
const FORMATS = [
  { format: 'avif', ext: 'avif', mimeType: 'image/avif' },
  { format: 'webp', ext: 'webp', mimeType: 'image/webp' },
  { format: 'jpeg', ext: 'jpg', mimeType: 'image/jpeg' },
] as const;
const FULL_WIDTH_LIMIT = 2560;

sharp.concurrency(2);

export interface ImageRendition {
  width: number;
  height: number;
  dominantColor: string;
  placeholder: string;
  files: Array<StoredFile & { localPath: string }>;
}

/**
 * Renders an uploaded photo: orientation applied, all metadata (EXIF, GPS) dropped, variants per width and
 * format, a full-size JPEG (at most 2560 px wide), the dominant colour and a tiny blurred placeholder.
 * Refuses decompression bombs before decoding (pixel limit).
 */
export async function renderImage(
  source: string,
  workDir: string,
  maxPixels: number,
): Promise<ImageRendition> {
  const input = () => sharp(source, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(source, { limitInputPixels: maxPixels }).metadata();
    if (!metadata.width || !metadata.height) throw new Error('no dimensions');
    if (metadata.width * metadata.height > maxPixels) throw new Error('Input image exceeds pixel limit');
  } catch (error) {
    throw imageError(error, maxPixels);
  }
  const swapped = (metadata.orientation ?? 1) >= 5;
  const width = swapped ? metadata.height : metadata.width;
  const height = swapped ? metadata.width : metadata.height;
  const widths = [
    ...VARIANT_WIDTHS.filter((candidate) => candidate < width),
    Math.min(width, FULL_WIDTH_LIMIT),
  ];
  try {
    const files = await Promise.all(
      widths.flatMap((target, index) =>
        // The full size is for downloads and large screens: JPEG and WebP; AVIF there costs seconds.
        FORMATS.filter((format) => index < widths.length - 1 || format.format !== 'avif').map(
          async (format) => {
            const isFull = index === widths.length - 1;
            const name = `${isFull ? 'full' : `w${target}`}.${format.ext}`;
            const localPath = path.join(workDir, name);
            let pipeline = input().resize({ width: target, withoutEnlargement: true });
            pipeline =
              format.format === 'avif'
                ? pipeline.avif({ quality: 55, effort: 2 })
                : format.format === 'webp'
                  ? pipeline.webp({ quality: 78 })
                  : pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true });
            const info = await pipeline.toFile(localPath);
            return {
              name,
              key: '',
              mimeType: format.mimeType,
              bytes: info.size,
              width: info.width,
              height: info.height,
              format: format.format,
              localPath,
            };
          },
        ),
      ),
    );
    const { dominant } = await input().stats();
    const tiny = await input().resize({ width: 16 }).blur(1).webp({ quality: 40 }).toBuffer();
    return {
      width,
      height,
      dominantColor: `#${[dominant.r, dominant.g, dominant.b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`,
      placeholder: `data:image/webp;base64,${tiny.toString('base64')}`,
      files,
    };
  } catch (error) {
    throw imageError(error, maxPixels);
  }
}

function imageError(error: unknown, maxPixels: number): DomainError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new DomainError(
      'PAYLOAD_TOO_LARGE',
      `Gambar terlalu besar: maksimal ${Math.round(maxPixels / 1e6)} megapiksel.`,
    );
  }
  return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gambar rusak atau tidak dapat dibaca.');
}
