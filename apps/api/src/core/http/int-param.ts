import { Param, ParseIntPipe } from '@nestjs/common';
import { DomainError, fieldError } from '../errors/domain-error';

/** A positive whole-number route parameter; anything else is a 400 naming it. */
export const IntParam = (name: string) =>
  Param(
    name,
    new ParseIntPipe({
      exceptionFactory: () =>
        new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
          fieldError(name, 'isInt', `${name} harus berupa bilangan bulat`),
        ]),
    }),
  );
