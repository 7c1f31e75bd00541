// The API's photo work, in a child process of its own (image-process.ts). libvips keeps decoded photos and
// its thread pools outside the JavaScript heap — a 12-megapixel photo took the API from about 230 MB to 450 MB —
// and a child that exits when idle gives that memory back, so the API itself stays small; a photo that crashes
// libvips takes down this child, not the API. One message in ({ id, stage, source, workDir, maxPixels }), one
// answer out ({ id, rendition } or { id, error: { code, message } }).
//
// A photo is made in two stages: `first` what a page needs at once (WebP and JPEG up to 1,024 px wide, the
// colour and placeholder), answered before the upload returns; `rest` after (AVIF at every width, the 1,600 px
// and full sizes), so an editor's publish does not wait for the slow encodes. A page only ever lists files
// that exist (the srcset is made from the stored files).
import path from 'node:path';
import sharp from 'sharp';

sharp.concurrency(2);
// libvips' operation cache holds decoded images between calls; uploads are one-off, so keep it small.
sharp.cache(false);

export const VARIANT_WIDTHS = [320, 640, 1024, 1600];
/** The widest WebP and JPEG made before the upload answers. */
export const FIRST_STAGE_WIDTH = 1024;
const FULL_WIDTH_LIMIT = 2560;
const DECODE_SECONDS = 30;
/** WebP and AVIF cannot hold a side longer than this; a photo that tall at full width is refused up front. */
const MAX_SIDE = 16_383;
const FORMATS = [
  { format: 'avif', ext: 'avif', mimeType: 'image/avif' },
  { format: 'webp', ext: 'webp', mimeType: 'image/webp' },
  { format: 'jpeg', ext: 'jpg', mimeType: 'image/jpeg' },
];

class ImageRefused extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Every file of a photo `width` px wide (as displayed), with the stage that makes it. */
export function plannedFiles(width) {
  const fullWidth = Math.min(width, FULL_WIDTH_LIMIT);
  const widths = [...VARIANT_WIDTHS.filter((candidate) => candidate < fullWidth), fullWidth];
  const files = [];
  for (const [index, target] of widths.entries()) {
    const isFull = index === widths.length - 1;
    // The full size serves downloads and large screens: JPEG and WebP; AVIF at that size costs seconds.
    for (const format of FORMATS.filter((candidate) => !isFull || candidate.format !== 'avif')) {
      const first = format.format !== 'avif' && target <= FIRST_STAGE_WIDTH;
      files.push({
        name: `${isFull ? 'full' : `w${target}`}.${format.ext}`,
        width: target,
        ...format,
        first,
      });
    }
  }
  return files;
}

async function render({ stage, source, workDir, maxPixels }) {
  const { width, height } = await orientedSize(source, maxPixels);
  const fullWidth = Math.min(width, FULL_WIDTH_LIMIT);
  assertDrawableShape(width, height, fullWidth);
  const planned = plannedFiles(width).filter((file) => file.first === (stage === 'first'));
  if (planned.length === 0) return { width, height, files: [] };
  const decode = (targetWidth) =>
    sharp(source, { limitInputPixels: maxPixels, failOn: 'error' })
      // libvips works off the event loop; a decode that takes this long is a hostile file, not a photo.
      .timeout({ seconds: DECODE_SECONDS })
      .rotate()
      .resize({ width: targetWidth, withoutEnlargement: true });
  // The first stage decodes once, at its widest size (JPEG decodes a reduced size directly: quick), and makes
  // every file from those pixels: the editor is waiting. The rest streams each file from the photo (libvips
  // works in strips, never the whole 2,560 px image in memory): slower, but nobody waits for it.
  let fromPixels = null;
  if (stage === 'first') {
    const decodeWidth = Math.max(...planned.map((file) => file.width));
    const { data: pixels, info } = await decode(decodeWidth).raw().toBuffer({ resolveWithObject: true });
    fromPixels = () =>
      sharp(pixels, { raw: { width: info.width, height: info.height, channels: info.channels } });
  }
  const files = [];
  for (const file of planned) {
    const localPath = path.join(workDir, file.name);
    const resized = fromPixels ? fromPixels().resize({ width: file.width }) : decode(file.width);
    const encoded =
      file.format === 'avif'
        ? resized.avif({ quality: 55, effort: 2 })
        : file.format === 'webp'
          ? resized.webp({ quality: 78 })
          : resized.jpeg({ quality: 80, mozjpeg: true, progressive: true });
    const written = await encoded.toFile(localPath);
    files.push({
      name: file.name,
      mimeType: file.mimeType,
      bytes: written.size,
      width: written.width,
      height: written.height,
      format: file.format,
      localPath,
    });
  }
  if (stage !== 'first') return { width, height, files };
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
}

/** Dimensions as displayed (EXIF orientation 5–8 swaps them), read from the header without decoding. */
async function orientedSize(source, maxPixels) {
  const metadata = await sharp(source, { limitInputPixels: maxPixels }).metadata();
  if (!metadata.width || !metadata.height) throw new Error('no dimensions');
  if (metadata.width * metadata.height > maxPixels) throw new Error('Input image exceeds pixel limit');
  const swapped = (metadata.orientation ?? 1) >= 5;
  return swapped
    ? { width: metadata.height, height: metadata.width }
    : { width: metadata.width, height: metadata.height };
}

function assertDrawableShape(width, height, fullWidth) {
  if (Math.round((height * fullWidth) / width) > MAX_SIDE)
    throw new ImageRefused(
      'UNPROCESSABLE_FILE',
      `Foto terlalu tinggi dibanding lebarnya (${width} × ${height} piksel). Potong menjadi beberapa foto, lalu unggah lagi.`,
    );
}

function refusal(error, maxPixels) {
  if (error instanceof ImageRefused) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message))
    return {
      code: 'PAYLOAD_TOO_LARGE',
      message: `Gambar terlalu besar: maksimal ${Math.round(maxPixels / 1e6)} megapiksel.`,
    };
  return { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Gambar rusak atau tidak dapat dibaca.' };
}

if (process.send) {
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (request) => {
    try {
      process.send({ id: request.id, rendition: await render(request) });
    } catch (error) {
      process.send({ id: request.id, error: refusal(error, request.maxPixels) });
    }
  });
}
