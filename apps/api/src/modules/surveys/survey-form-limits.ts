import { type FormLimit } from '../../core/abuse/public-form-limits';
import { type FormLimits } from '../../core/abuse/public-form-guard';

const TOO_MANY = 'Terlalu banyak survei terkirim dari sini; coba lagi nanti';

/**
 * A survey is a minute's work and is often filled at the counter on the office's own tablet (one address for
 * many citizens): more answers per client than requests, and many per OPD.
 */
export const SURVEY_LIMITS: FormLimits = {
  form: { name: 'skm-response', perClient: 30, perOpd: 3000, windowMs: 3_600_000, refusal: TOO_MANY },
  /** Without the proof of work (no JavaScript, or a script): what a person needs, not what a flood needs. */
  unproven: {
    name: 'skm-response-unproven',
    perClient: 5,
    perOpd: 300,
    windowMs: 3_600_000,
    refusal: TOO_MANY,
  } satisfies FormLimit,
};
