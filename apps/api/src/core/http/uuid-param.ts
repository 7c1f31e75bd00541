import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError, fieldError } from '../errors/domain-error';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter, not a 500 or a 404. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
          fieldError(name, 'isUUID', `${name} harus berupa UUID yang valid`),
        ]),
    }),
  );
