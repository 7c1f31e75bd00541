import { type IncomingMessage, type ServerResponse } from 'node:http';
import { writeErrorResponse } from './raw-error-response';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The API speaks JSON, and multipart for uploads (only upload routes read it): anything else is a clear 415. */
export function requireJsonBody(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = request.headers['content-type'] ?? '';
  if (
    !BODY_METHODS.has(request.method ?? '') ||
    !hasBody ||
    /^(application\/([\w.+-]+\+)?json|multipart\/form-data)\b/i.test(type)
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
