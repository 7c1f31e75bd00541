// Draws page 1 of a PDF into a WebP thumbnail, in a worker thread: pdf.js and the Skia canvas are CPU-bound and
// synchronous in places, so they must never run on the API's event loop. The canvas is bounded whatever the page
// declares (a 5 × 2000 pt page scaled to 480 px wide would otherwise ask for a 480 × 192,000 canvas).
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';

const { source, target, width, maxHeight } = workerData;

async function draw() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const { default: sharp } = await import('sharp');
  const loading = pdfjs.getDocument({
    data: new Uint8Array(await readFile(source)),
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const document = await loading.promise;
    const page = await document.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    if (!(natural.width > 0 && natural.height > 0)) return { pageCount: document.numPages, thumbnail: null };
    // Scale to the thumbnail width, but never beyond 4× (a sliver of a page is not worth a giant drawing), and
    // cut the canvas at maxHeight: only the top of a very tall page shows.
    const scale = Math.min(width / natural.width, 4);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(
      Math.max(1, Math.ceil(viewport.width)),
      Math.max(1, Math.min(maxHeight, Math.ceil(viewport.height))),
    );
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    const written = await sharp(canvas.toBuffer('image/png'))
      .flatten({ background: '#ffffff' })
      .webp({ quality: 80 })
      .toFile(target);
    return {
      pageCount: document.numPages,
      thumbnail: { bytes: written.size, width: written.width, height: written.height },
    };
  } finally {
    await loading.destroy();
  }
}

draw().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  () => parentPort.postMessage({ ok: false }),
);
