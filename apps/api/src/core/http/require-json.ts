import { type IncomingMessage, type ServerResponse } from 'node:http';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The API speaks JSON only (uploads will get their own multipart route): anything else is a clear 415. */
export function requireJsonBody(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = request.headers['content-type'] ?? '';
  if (
    !BODY_METHODS.has(request.method ?? '') ||
    !hasBody ||
    /^application\/([\w.+-]+\+)?json\b/i.test(type)
  ) {
    next();
    return;
  }
  response.statusCode = 415;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(
    JSON.stringify({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Jenis isi permintaan tidak didukung; kirim JSON (Content-Type: application/json)',
      requestId: (request as IncomingMessage & { id?: string }).id ?? '',
    }),
  );
}
