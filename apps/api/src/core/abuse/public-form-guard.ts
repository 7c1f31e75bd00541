import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { FormChallenges } from './form-challenges';
import { type FormLimit, PublicFormLimits } from './public-form-limits';

/** The guard's fields every citizens' form carries (`FORM_GUARD_FIELDS` in @laman/shared). */
export interface GuardedForm {
  /** The honeypot: hidden from people, filled by bots. */
  website?: string;
  /** The proof of work (ALTCHA payload), when the browser ran the form's script. */
  altcha?: string;
}

/** A citizens' form's limits: for every submission, and the stricter one for submissions without proof. */
export interface FormLimits {
  form: FormLimit;
  unproven: FormLimit;
}

/**
 * The door of every public write form: a form a bot filled (the honeypot) is refused before anything is counted;
 * one with the proof of work must carry a good one for this form; one without it (no JavaScript) is taken within
 * the stricter limits; then the form's own limits. Refusals write nothing.
 */
@Injectable()
export class PublicFormGuard {
  constructor(
    @Inject(FormChallenges) private readonly challenges: FormChallenges,
    @Inject(PublicFormLimits) private readonly limits: PublicFormLimits,
  ) {}

  /**
   * The door's cheap half, before the form's own work (the spam screen, lookups): a bot's form, or one from a
   * client or to an OPD this process already knows is over its limit, is refused without counting or reading
   * anything — a flood that is already refused costs next to nothing.
   */
  refuseEarly(form: GuardedForm, limits: FormLimits, client: string, tenantId: string): void {
    this.assertNoHoneypot(form);
    if (!form.altcha) this.limits.refuseKnown(limits.unproven, client, tenantId);
    this.limits.refuseKnown(limits.form, client, tenantId);
  }

  async admit(
    form: GuardedForm,
    limits: FormLimits,
    client: string,
    tenantId: string,
    now = new Date(),
  ): Promise<void> {
    this.assertNoHoneypot(form);
    if (form.altcha) await this.challenges.verify(limits.form.name, form.altcha, now);
    else await this.limits.take(limits.unproven, client, tenantId);
    await this.limits.take(limits.form, client, tenantId);
  }

  private assertNoHoneypot(form: GuardedForm): void {
    if (form.website)
      throw new DomainError(
        'HONEYPOT_FILLED',
        'Formulir tidak dapat diterima: kolom yang seharusnya kosong terisi. Muat ulang halaman, lalu isi kembali.',
      );
  }
}
