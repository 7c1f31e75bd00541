import path from 'node:path';
import pLimit from 'p-limit';
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
// libvips' operation cache holds decoded images between calls; uploads are one-off, so keep it small.
sharp.cache({ memory: 64, files: 0, items: 20 });

export interface ImageRendition {
  width: number;
  height: number;
  dominantColor: string;
  placeholder: string;
  files: Array<StoredFile & { localPath: string }>;
}

/**
 * Renders an uploaded photo: orientation applied, all metadata (EXIF, GPS) dropped, variants per width and
 * format, a full-size JPEG and WebP (at most 2560 px wide), the dominant colour and a tiny blurred
 * placeholder. Refuses decompression bombs before decoding (pixel limit). The photo is decoded once; every
 * variant is made from that pixel buffer, one after another, so memory stays near one decoded image.
 */
export function renderImage(source: string, workDir: string, maxPixels: number): Promise<ImageRendition> {
  return renderingSlots(() => render(source, workDir, maxPixels));
}

/**
 * At most two photos are rendered at once per process (each holds one decoded image); more uploads wait
 * their turn instead of multiplying memory.
 */
export const renderingSlots = pLimit(2);

async function render(source: string, workDir: string, maxPixels: number): Promise<ImageRendition> {
  const { width, height } = await orientedSize(source, maxPixels);
  const fullWidth = Math.min(width, FULL_WIDTH_LIMIT);
  assertDrawableShape(width, height, fullWidth);
  const widths = [...VARIANT_WIDTHS.filter((candidate) => candidate < fullWidth), fullWidth];
  try {
    const { data: pixels, info } = await sharp(source, { limitInputPixels: maxPixels, failOn: 'error' })
      // libvips works off the event loop; a decode that takes this long is a hostile file, not a photo.
      .timeout({ seconds: DECODE_SECONDS })
      .rotate()
      .resize({ width: fullWidth, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const fromPixels = () =>
      sharp(pixels, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const files: ImageRendition['files'] = [];
    for (const [index, target] of widths.entries()) {
      const isFull = index === widths.length - 1;
      // The full size serves downloads and large screens: JPEG and WebP; AVIF at that size costs seconds.
      for (const format of FORMATS.filter((candidate) => !isFull || candidate.format !== 'avif')) {
        const name = `${isFull ? 'full' : `w${target}`}.${format.ext}`;
        const localPath = path.join(workDir, name);
        const resized = fromPixels().resize({ width: target });
        const encoded =
          format.format === 'avif'
            ? resized.avif({ quality: 55, effort: 2 })
            : format.format === 'webp'
              ? resized.webp({ quality: 78 })
              : resized.jpeg({ quality: 80, mozjpeg: true, progressive: true });
        const written = await encoded.toFile(localPath);
        files.push({
          name,
          key: '',
          mimeType: format.mimeType,
          bytes: written.size,
          width: written.width,
          height: written.height,
          format: format.format,
          localPath,
        });
      }
    }
    const { dominant } = await fromPixels().stats();
    const tiny = await fromPixels()
      .resize({ width: 16, height: 16, fit: 'inside' })
      .blur(1)
      .webp({ quality: 40 })
      .toBuffer();
    const hex = [dominant.r, dominant.g, dominant.b]
      .map((channel) => channel.toString(16).padStart(2, '0'))
      .join('');
    return {
      width,
      height,
      dominantColor: `#${hex}`,
      placeholder: `data:image/webp;base64,${tiny.toString('base64')}`,
      files,
    };
  } catch (error) {
    throw imageError(error, maxPixels);
  }
}

/** Dimensions as displayed (EXIF orientation 5–8 swaps them), read from the header without decoding. */
async function orientedSize(source: string, maxPixels: number): Promise<{ width: number; height: number }> {
  try {
    const metadata = await sharp(source, { limitInputPixels: maxPixels }).metadata();
    if (!metadata.width || !metadata.height) throw new Error('no dimensions');
    if (metadata.width * metadata.height > maxPixels) throw new Error('Input image exceeds pixel limit');
    const swapped = (metadata.orientation ?? 1) >= 5;
    return swapped
      ? { width: metadata.height, height: metadata.width }
      : { width: metadata.width, height: metadata.height };
  } catch (error) {
    throw imageError(error, maxPixels);
  }
}

const DECODE_SECONDS = 30;

/** WebP and AVIF cannot hold a side longer than this; a photo that tall at full width is refused up front. */
const MAX_SIDE = 16_383;

function assertDrawableShape(width: number, height: number, fullWidth: number): void {
  const fullHeight = Math.round((height * fullWidth) / width);
  if (fullHeight > MAX_SIDE) {
    throw new DomainError(
      'UNPROCESSABLE_FILE',
      `Foto terlalu tinggi dibanding lebarnya (${width} × ${height} piksel). Potong menjadi beberapa foto, lalu unggah lagi.`,
    );
  }
}

function imageError(error: unknown, maxPixels: number): DomainError {
  if (error instanceof DomainError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new DomainError(
      'PAYLOAD_TOO_LARGE',
      `Gambar terlalu besar: maksimal ${Math.round(maxPixels / 1e6)} megapiksel.`,
    );
  }
  return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gambar rusak atau tidak dapat dibaca.');
}
