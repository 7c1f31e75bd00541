import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { type StoredFile } from './media.entity';

export interface PdfPreview {
  pageCount: number;
  thumbnail: StoredFile & { localPath: string };
}

const THUMBNAIL_WIDTH = 480;

/**
 * Page count and a thumbnail of page 1, rendered offline by pdf.js (Mozilla's PDF renderer) onto a Skia
 * canvas. pdf.js reads the whole file, so only PDFs up to `maxBytes` get a preview (the rest keep the cheap
 * streamed page count). Script in the PDF is never run; a PDF pdf.js cannot open simply has no preview.
 */
export async function previewPdf(
  source: string,
  bytes: number,
  workDir: string,
  maxBytes: number,
): Promise<PdfPreview | null> {
  if (bytes > maxBytes) return null;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const loading = pdfjs.getDocument({
    data: new Uint8Array(await readFile(source)),
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const document = await loading.promise;
    const page = await document.getPage(1);
    const viewport = page.getViewport({ scale: THUMBNAIL_WIDTH / page.getViewport({ scale: 1 }).width });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: canvas as never, canvasContext: canvas.getContext('2d') as never, viewport })
      .promise;
    const localPath = path.join(workDir, 'thumb.webp');
    const written = await sharp(canvas.toBuffer('image/png'))
      .flatten({ background: '#ffffff' })
      .webp({ quality: 80 })
      .toFile(localPath);
    return {
      pageCount: document.numPages,
      thumbnail: {
        name: 'thumb.webp',
        key: '',
        mimeType: 'image/webp',
        bytes: written.size,
        width: written.width,
        height: written.height,
        format: 'webp',
        localPath,
      },
    };
  } catch {
    return null;
  } finally {
    await loading.destroy();
  }
}
