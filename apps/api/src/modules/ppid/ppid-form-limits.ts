import { type FormLimit } from '../../core/abuse/public-form-limits';

const TOO_MANY = 'Terlalu banyak permohonan dari sini; coba lagi nanti';

export const REQUEST_FORM: FormLimit = {
  name: 'ppid-request',
  perClient: 5,
  perOpd: 200,
  windowMs: 3_600_000,
  refusal: TOO_MANY,
};
/**
 * A request sent without the proof of work (a browser without JavaScript, or a script): still taken, so the form
 * works everywhere, but fewer of them — what a person without JavaScript needs, not what a flood needs.
 */
export const REQUEST_FORM_UNPROVEN: FormLimit = {
  name: 'ppid-request-unproven',
  perClient: 2,
  perOpd: 50,
  windowMs: 3_600_000,
  refusal: TOO_MANY,
};
/** The request form's limits: every request, and the stricter one for requests without the proof of work. */
export const REQUEST_FORM_LIMITS = { form: REQUEST_FORM, unproven: REQUEST_FORM_UNPROVEN };

export const STATUS_LOOKUP: FormLimit = {
  name: 'ppid-status',
  perClient: 30,
  perOpd: 2000,
  windowMs: 600_000,
  refusal: TOO_MANY,
};
