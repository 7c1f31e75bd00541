import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { DomainError } from '../../core/errors/domain-error';
import { type StoredFile } from './media.entity';

export interface PdfPreview {
  pageCount: number;
  thumbnail: StoredFile & { localPath: string };
}

const THUMBNAIL_WIDTH = 480;
/** A page taller than 2.5 A4 pages at thumbnail width shows only its top. */
const THUMBNAIL_MAX_HEIGHT = 1_700;
/** Seconds a page 1 may take to draw before the file is refused as too complex. */
const DRAW_SECONDS = 15;
/** The worker's JavaScript heap; the canvas itself is bounded by the two sizes above. */
const WORKER_HEAP_MB = 256;

const WORKER = path.join(__dirname, 'pdf-thumbnail.worker.mjs');

interface WorkerAnswer {
  ok: boolean;
  result?: { pageCount: number; thumbnail: { bytes: number; width: number; height: number } | null };
}

/**
 * Page count and a thumbnail of page 1, rendered offline by pdf.js (Mozilla's PDF renderer) onto a Skia canvas,
 * in a worker thread with a bounded canvas, heap and time: a hostile PDF can neither stall the API nor grow it.
 * pdf.js reads the whole file, so only PDFs up to `maxBytes` get a preview. Script in the PDF is never run; a
 * PDF pdf.js cannot open simply has no preview; one that does not finish drawing in time is refused (422).
 */
export async function previewPdf(
  source: string,
  bytes: number,
  workDir: string,
  maxBytes: number,
): Promise<PdfPreview | null> {
  if (bytes > maxBytes) return null;
  return drawingSlots(() => drawPreview(source, workDir));
}

/**
 * At most two PDFs are drawn at once per process (a worker thread each): a burst of uploads waits its turn
 * instead of multiplying memory.
 */
const drawingSlots = pLimit(2);

async function drawPreview(source: string, workDir: string): Promise<PdfPreview | null> {
  const localPath = path.join(workDir, 'thumb.webp');
  const answer = await runWorker({
    source,
    target: localPath,
    width: THUMBNAIL_WIDTH,
    maxHeight: THUMBNAIL_MAX_HEIGHT,
  });
  if (answer === 'timeout') {
    throw new DomainError(
      'UNPROCESSABLE_FILE',
      `PDF ini terlalu rumit untuk diproses (halaman pertama tidak selesai digambar dalam ${DRAW_SECONDS} detik). Simpan ulang sebagai PDF biasa, lalu unggah lagi.`,
    );
  }
  const thumbnail = answer.ok ? answer.result?.thumbnail : null;
  if (!answer.result || !thumbnail) return null;
  return {
    pageCount: answer.result.pageCount,
    thumbnail: {
      name: 'thumb.webp',
      key: '',
      mimeType: 'image/webp',
      format: 'webp',
      localPath,
      ...thumbnail,
    },
  };
}

function runWorker(data: object): Promise<WorkerAnswer | 'timeout'> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve('timeout');
    }, DRAW_SECONDS * 1000);
    const finish = (answer: WorkerAnswer) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    worker.once('message', (answer: WorkerAnswer) => finish(answer));
    // Out of heap, or crashed: no preview (the document itself is still a valid upload).
    worker.once('error', () => finish({ ok: false }));
    worker.once('exit', () => finish({ ok: false }));
  });
}
