import { Param, ParseIntPipe } from '@nestjs/common';
import { DomainError, fieldError } from '../errors/domain-error';

/** The largest value a PostgreSQL integer column holds; larger numbers are refused before the database. */
export const INT4_MAX = 2_147_483_647;

const invalid = (name: string) =>
  new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
    fieldError(name, 'isInt', `${name} harus berupa bilangan bulat 1 sampai ${INT4_MAX}`),
  ]);

/** A positive whole-number route parameter (within PostgreSQL's integer); anything else is a 400 naming it. */
export const IntParam = (name: string) =>
  Param(name, new ParseIntPipe({ exceptionFactory: () => invalid(name) }), {
    transform(value: number) {
      if (value < 1 || value > INT4_MAX) throw invalid(name);
      return value;
    },
  });
