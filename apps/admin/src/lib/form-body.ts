import { bodyLimits, FORM_TEXT_BYTES, PUBLIC_FORM_BYTES } from '../../server/body-limits.mjs';
import { BodyRefused } from './request-body/body-meter';
import { type BodyLimit, readUrlEncoded, type ReceivedForm, spoolMultipart } from './request-body/read-form';

/**
 * A form post is read once, here, before any page: a body that is not a form (JSON, text), a broken
 * multipart body, one larger than its route takes or one that stalls gets a plain 4xx page instead of an error
 * deep inside the page that would read it. Files are spooled to disk (read-form.ts), so no body is ever held
 * whole in memory.
 */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;
const MB = 1024 * 1024;
const LIMITS = bodyLimits();
/** The WordPress import pages take an export and its uploads archive. */
const IMPORT_ROUTES = new Set(['/platform/impor', '/platform/opd/[id]/impor']);

/** What a post to `route` may send: little without a session; files on the pages that take them. */
export function bodyLimitFor(route: string, signedIn: boolean): BodyLimit {
  const totalBytes = !signedIn
    ? PUBLIC_FORM_BYTES
    : IMPORT_ROUTES.has(route)
      ? LIMITS.importBytes
      : LIMITS.uploadBytes;
  return { totalBytes, textBytes: Math.min(totalBytes, FORM_TEXT_BYTES), idleMs: LIMITS.idleSeconds * 1000 };
}

/**
 * Reads the request's form within `limit` and hands pages that one (its files on disk until `discard`);
 * null when there is nothing to read; a refusal page when the body cannot be taken.
 */
export async function readFormOnce(
  request: Request,
  limit: BodyLimit,
): Promise<Response | ReceivedForm | null> {
  if (request.method !== 'POST') return null;
  const contentType = request.headers.get('content-type') ?? '';
  if (!FORM_TYPES.test(contentType)) {
    return refusal(415, 'Jenis kiriman tidak didukung', 'Halaman ini hanya menerima formulir.');
  }
  if (Number(request.headers.get('content-length') ?? 0) > limit.totalBytes)
    return tooLarge(limit.totalBytes);
  let received: ReceivedForm;
  try {
    const body = request.body ?? new Response('').body!;
    received = contentType.toLowerCase().startsWith('multipart/')
      ? await spoolMultipart(body, contentType, limit)
      : await readUrlEncoded(body, limit);
  } catch (error) {
    return refusalFor(error instanceof BodyRefused ? error : new BodyRefused('malformed'));
  }
  // Pages read the form as usual; they get the one already read.
  Object.defineProperty(request, 'formData', { value: () => Promise.resolve(received.form) });
  return received;
}

function refusalFor(error: BodyRefused): Response {
  if (error.reason === 'tooLarge') return tooLarge(error.limitBytes);
  if (error.reason === 'stalled') {
    return refusal(
      408,
      'Kiriman terhenti',
      'Kiriman berhenti mengalir di tengah jalan. Periksa sinyal, lalu kirim formulirnya lagi.',
    );
  }
  return refusal(
    400,
    'Formulir tidak dapat dibaca',
    'Kiriman formulir rusak atau terpotong. Muat ulang halaman dan coba lagi.',
  );
}

function tooLarge(limitBytes: number): Response {
  const limit =
    limitBytes >= MB ? `${Math.floor(limitBytes / MB)} MB` : `${Math.floor(limitBytes / 1024)} KB`;
  return refusal(
    413,
    'Kiriman terlalu besar',
    `Satu kiriman di halaman ini paling besar ${limit}. Pilih berkas yang lebih kecil, atau kirim berkasnya satu per satu.`,
  );
}

/**
 * A plain page. Refused mid-body, the rest of the body is not read to its end: the edge closes the connection
 * gently once the page is out (server/lingering-close.mjs).
 */
function refusal(status: number, title: string, text: string): Response {
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Laman</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Kembali ke Laman</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    },
  });
}
