import { type IncomingMessage, type ServerResponse } from 'node:http';
import { ERROR_STATUS, type ErrorCode } from '../errors/error-codes';
import { ENGLISH_BY_CODE } from '../errors/english-messages';
import { localeOf } from '../errors/localise-error';
import { isFormPage, writeFormPageError } from './form-page-error';

/**
 * The standard error body, for the few answers given outside Nest's pipeline (plain middleware that runs
 * before routing, or after no route matched). Everything else goes through HttpErrorFilter.
 */
export function writeErrorResponse(
  request: IncomingMessage,
  response: ServerResponse,
  code: ErrorCode,
  message: string,
): void {
  const statusCode = ERROR_STATUS[code];
  if (isFormPage(request.url)) return writeFormPageError(response, statusCode, request.url!);
  const locale = localeOf(request);
  response.statusCode = statusCode;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Language', locale);
  response.setHeader('Vary', 'Accept-Language');
  response.end(
    JSON.stringify({
      statusCode,
      code,
      message: locale === 'en' ? ENGLISH_BY_CODE[code] : message,
      requestId: (request as IncomingMessage & { id?: string }).id ?? '',
    }),
  );
}

/** Outside /api/v1 Nest has no not-found handler of its own; answer there in the same JSON shape. */
export function routeNotFound(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0];
  writeErrorResponse(request, response, 'ROUTE_NOT_FOUND', `Alamat ${request.method} ${path} tidak ada`);
}
