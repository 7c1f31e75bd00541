import { bodyLimits, FORM_TEXT_BYTES, PUBLIC_FORM_BYTES } from '../../server/body-limits.mjs';
import { BodyRefused } from './request-body/body-meter';
import type { Translate } from './i18n';
import type { Refusal } from './refusal-page';
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
 * null when there is nothing to read; why not (a `Refusal`, in the person's language) when it cannot be taken.
 */
export async function readFormOnce(
  request: Request,
  limit: BodyLimit,
  t: Translate,
): Promise<Refusal | ReceivedForm | null> {
  if (request.method !== 'POST') return null;
  const contentType = request.headers.get('content-type') ?? '';
  if (!FORM_TYPES.test(contentType)) {
    return {
      status: 415,
      title: t('Jenis kiriman tidak didukung'),
      reason: t('Halaman ini hanya menerima formulir.'),
    };
  }
  if (Number(request.headers.get('content-length') ?? 0) > limit.totalBytes)
    return tooLarge(limit.totalBytes, limit, t);
  let received: ReceivedForm;
  try {
    const body = request.body ?? new Response('').body!;
    received = contentType.toLowerCase().startsWith('multipart/')
      ? await spoolMultipart(body, contentType, limit)
      : await readUrlEncoded(body, limit);
  } catch (error) {
    return refusalFor(error instanceof BodyRefused ? error : new BodyRefused('malformed'), limit, t);
  }
  // Pages read the form as usual; they get the one already read.
  Object.defineProperty(request, 'formData', { value: () => Promise.resolve(received.form) });
  return received;
}

/** Whether what `readFormOnce` answered is a refusal. */
export const isRefusal = (read: Refusal | ReceivedForm | null): read is Refusal =>
  read !== null && 'status' in read;

function refusalFor(error: BodyRefused, limit: BodyLimit, t: Translate): Refusal {
  if (error.reason === 'tooLarge') return tooLarge(error.limitBytes, limit, t);
  if (error.reason === 'stalled') {
    return {
      status: 408,
      title: t('Kiriman terhenti'),
      reason: t('Kiriman berhenti mengalir di tengah jalan. Periksa sinyal, lalu kirim formulirnya lagi.'),
    };
  }
  return {
    status: 400,
    title: t('Formulir tidak dapat dibaca'),
    reason: t('Kiriman formulir rusak atau terpotong. Muat ulang halaman dan coba lagi.'),
  };
}

/** Past the text a form may hold (no file helps there), or past what its files may weigh. */
function tooLarge(limitBytes: number, limit: BodyLimit, t: Translate): Refusal {
  const batas =
    limitBytes >= MB ? `${Math.floor(limitBytes / MB)} MB` : `${Math.floor(limitBytes / 1024)} KB`;
  const reason =
    limitBytes === limit.textBytes
      ? t('Isian formulir ini paling panjang {batas}. Persingkat isiannya, lalu kirim lagi.', { batas })
      : t(
          'Satu kiriman di halaman ini paling besar {batas}. Pilih berkas yang lebih kecil, atau kirim berkasnya satu per satu.',
          { batas },
        );
  return { status: 413, title: t('Kiriman terlalu besar'), reason };
}
