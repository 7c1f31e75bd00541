import { type IncomingMessage } from 'node:http';
import accepts from 'accepts';
import { type Request } from 'express';
import { type FieldError } from './domain-error';
import { type ErrorCode } from './error-codes';
import { ENGLISH_BY_CODE, ENGLISH_TEMPLATES } from './english-messages';

/** Bahasa Indonesia unless the client prefers English (`Accept-Language: en`), as the admin's English mode does. */
export type ErrorLocale = 'id' | 'en';

export function localeOf(request: IncomingMessage): ErrorLocale {
  if (!request.headers['accept-language']) return 'id';
  return accepts(request).language('id', 'en') === 'en' ? 'en' : 'id';
}

/** Tells the error in the client's language; the rule's limits travel with each field error but are not sent. */
export function inLocale<T extends { code: ErrorCode; message: string; details?: FieldError[] }>(
  mapped: T,
  locale: ErrorLocale,
  request: Request,
): T {
  const details = mapped.details
    ?.map((detail) => (locale === 'en' ? inEnglish(detail) : detail))
    .map(withoutArgs);
  if (locale === 'id') return { ...mapped, details };
  const message =
    mapped.code === 'ROUTE_NOT_FOUND'
      ? `There is no ${request.method} ${request.originalUrl.split('?')[0]}`
      : ENGLISH_BY_CODE[mapped.code];
  return { ...mapped, message, details };
}

function inEnglish(detail: FieldError): FieldError {
  const template = ENGLISH_TEMPLATES[detail.constraint];
  return template ? { ...detail, message: template(detail.field, detail.args ?? []) } : detail;
}

function withoutArgs({ field, constraint, message }: FieldError): FieldError {
  return { field, constraint, message };
}
