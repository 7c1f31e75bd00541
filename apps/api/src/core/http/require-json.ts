import { type IncomingMessage, type ServerResponse } from 'node:http';
import { FORM_PAGES_PATH } from './form-page-error';
import { writeErrorResponse } from './raw-error-response';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const FORM = /^application\/x-www-form-urlencoded\b/i;

/**
 * The API speaks JSON, multipart for uploads (only upload routes read it) and url-encoded forms on the site
 * pages' routes only: anything else is a clear 415.
 */
export function requireJsonBody(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = request.headers['content-type'] ?? '';
  if (
    !BODY_METHODS.has(request.method ?? '') ||
    !hasBody ||
    /^(application\/([\w.+-]+\+)?json|multipart\/form-data)\b/i.test(type) ||
    (FORM.test(type) && (request.url ?? '').startsWith(FORM_PAGES_PATH))
  ) {
    next();
    return;
  }
  writeErrorResponse(
    request,
    response,
    'UNSUPPORTED_MEDIA_TYPE',
    'Jenis isi permintaan tidak didukung; kirim JSON (Content-Type: application/json)',
  );
}
