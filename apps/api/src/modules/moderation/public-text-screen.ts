import { Inject, Injectable } from '@nestjs/common';
import { scanText } from '@laman/spam-guard';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { SpamGuardService } from './spam-guard.service';

/**
 * The spam guard at the citizens' forms: free text that promotes online gambling (the lexicon Diskominfotik
 * keeps) is refused with the field and the reason, before anything is written. A person never trips it by
 * mentioning gambling in a complaint; only promotion and gambling-site names are refused.
 */
@Injectable()
export class PublicTextScreen {
  constructor(@Inject(SpamGuardService) private readonly spamGuard: SpamGuardService) {}

  async assertClean(fields: Record<string, string | undefined>): Promise<void> {
    const { guard } = await this.spamGuard.current();
    const problems = Object.entries(fields).flatMap(([field, text]) => {
      const [found] = text ? scanText(guard, text).findings : [];
      return found
        ? [
            fieldError(field, 'freeOfSpam', `Isian memuat ${found.reason}; tidak dapat diterima`, [
              found.reason,
            ]),
          ]
        : [];
    });
    if (problems.length)
      throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', problems);
  }
}
