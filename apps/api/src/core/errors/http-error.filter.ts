import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, type FieldError } from './domain-error';
import { isFormPage, writeFormPageError } from '../http/form-page-error';
import { type ErrorCode } from './error-codes';
import { inLocale, localeOf } from './localise-error';

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[];
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
}

const GENERIC_BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['MALFORMED_REQUEST', 'Permintaan tidak dapat dibaca'],
  401: ['AUTH_REQUIRED', 'Silakan masuk terlebih dahulu'],
  403: ['FORBIDDEN', 'Anda tidak memiliki akses untuk tindakan ini'],
  404: ['NOT_FOUND', 'Data tidak ditemukan'],
  405: ['METHOD_NOT_ALLOWED', 'Metode ini tidak didukung di alamat ini'],
  409: ['CONFLICT', 'Data bertentangan dengan data yang sudah ada'],
  413: ['PAYLOAD_TOO_LARGE', 'Data yang dikirim terlalu besar'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Jenis data tidak didukung; kirim JSON'],
  429: ['RATE_LIMITED', 'Terlalu banyak permintaan; coba lagi sebentar lagi'],
  503: ['SERVICE_UNAVAILABLE', 'Layanan sedang tidak tersedia'],
};

/**
 * The single place where failures become HTTP responses: one JSON shape, a stable code, never a stack trace.
 * Anything unexpected is logged with its stack and answered with a plain 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const found = this.map(exception, request);
    if (found.status >= 500) {
      this.logger.error({ err: exception, path: request.originalUrl }, 'Unhandled error');
    }
    if (isFormPage(request.originalUrl)) {
      for (const [name, value] of Object.entries(found.headers ?? {})) response.setHeader(name, value);
      return writeFormPageError(response, found.status, request.originalUrl);
    }
    const locale = localeOf(request);
    const mapped = inLocale(found, locale, request);
    for (const [name, value] of Object.entries(mapped.headers ?? {})) response.setHeader(name, value);
    response.setHeader('Content-Language', locale);
    response.vary('Accept-Language');
    response.status(mapped.status).json({
      statusCode: mapped.status,
      code: mapped.code,
      message: mapped.message,
      ...(mapped.details?.length ? { details: mapped.details } : {}),
      ...mapped.extra,
      requestId: String(request.id ?? ''),
    });
  }

  private map(exception: unknown, request: Request): Mapped {
    if (exception instanceof DomainError) {
      return {
        status: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
        headers: exception.headers,
        extra: exception.extra,
      };
    }
    const parserError = fromBodyParser(exception instanceof HttpException ? exception.cause : exception);
    if (parserError) return parserError;
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);
    if (exception instanceof QueryFailedError) return this.fromDatabaseError(exception);
    return {
      status: 500,
      code: 'INTERNAL_ERROR',
      message: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    };
  }

  private fromHttpException(exception: HttpException, request: Request): Mapped {
    const status = exception.getStatus();
    if (status === 404 && exception.constructor.name === 'NotFoundException' && isRouteMiss(exception)) {
      return {
        status,
        code: 'ROUTE_NOT_FOUND',
        message: `Alamat ${request.method} ${request.originalUrl.split('?')[0]} tidak ada`,
      };
    }
    if (status === 429) {
      return { ...generic(429), headers: { 'Retry-After': '60' } };
    }
    return generic(status);
  }

  /** Constraint violations that slipped past service checks are still the client's doing, not a 500. */
  private fromDatabaseError(error: QueryFailedError): Mapped {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    if (code === '23505') return generic(409);
    if (code === '23503') return generic(409);
    // Check violations, malformed values, too long, a number out of range, bytes PostgreSQL cannot store.
    if (['23514', '22P02', '22001', '22003', '22021', '22008', '22007'].includes(code ?? ''))
      return generic(400);
    return {
      status: 500,
      code: 'INTERNAL_ERROR',
      message: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    };
  }
}

function generic(status: number): Mapped {
  const known = GENERIC_BY_STATUS[status];
  if (known) return { status, code: known[0], message: known[1] };
  if (status < 500) return { status, code: 'MALFORMED_REQUEST', message: 'Permintaan tidak dapat diproses' };
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: 'Terjadi kesalahan pada server. Silakan coba lagi.',
  };
}

function isRouteMiss(exception: HttpException): boolean {
  const body = exception.getResponse();
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
  return typeof message === 'string' && message.startsWith('Cannot ');
}

/** body-parser signals malformed JSON, oversize bodies and bad charsets with a `type` and a `status`. */
function fromBodyParser(error: unknown): Mapped | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500)
    return undefined;
  if (type === 'entity.parse.failed') {
    return { status: 400, code: 'MALFORMED_REQUEST', message: 'Isi permintaan bukan JSON yang valid' };
  }
  if (type === 'entity.too.large') {
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Isi permintaan terlalu besar (maksimal 1 MB)',
    };
  }
  return generic(status);
}
