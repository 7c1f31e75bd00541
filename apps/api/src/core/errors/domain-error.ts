import { ERROR_STATUS, type ErrorCode } from './error-codes';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `firstAdmin.email`. */
  field: string;
  /** The rule it broke, e.g. `isEmail`, `maxLength`, `unknownField`. */
  constraint: string;
  /** What is wrong, in Bahasa Indonesia, ready to show next to the field. */
  message: string;
  /** The rule's limits (e.g. a maximum length), so the message can be told in another language; not sent. */
  args?: unknown[];
}

/**
 * An expected failure with a stable code and a message for people (Bahasa Indonesia). Services throw these;
 * one exception filter turns them into HTTP responses, so no service knows about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** Extra top-level fields of the response, e.g. `current` (the item as it is now) on a version conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function fieldError(field: string, constraint: string, message: string, args?: unknown[]): FieldError {
  return { field, constraint, message, ...(args ? { args } : {}) };
}
