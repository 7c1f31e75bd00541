import { Param, type PipeTransform } from '@nestjs/common';
import { DomainError, fieldError } from '../errors/domain-error';

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDay(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

class ParseDayPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (isCalendarDay(value)) return value;
    throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
      fieldError(this.name, 'isDay', `${this.name} harus tanggal yang ada, ditulis TTTT-BB-HH`),
    ]);
  }
}

/** A route parameter that must be a calendar date (`YYYY-MM-DD`); anything else is a 400 naming it. */
export const DayParam = (name: string) => Param(name, new ParseDayPipe(name));
