import { Inject, Injectable } from '@nestjs/common';
import {
  compileLexicon,
  DEFAULT_LEXICON,
  type LexiconAddition,
  type SpamGuard,
  withAdditions,
} from '@laman/spam-guard';
import { Database } from '../../core/database/database.service';
import { SpamTermsRepository } from './spam-terms.repository';

/** How long a reader trusts its lexicon before asking whether the list changed (other API instances). */
const RECHECK_MS = 5_000;

interface Loaded {
  fingerprint: string;
  checkedAt: number;
  guard: SpamGuard;
  additions: LexiconAddition[];
}

/**
 * The lexicon in force: the shipped defaults plus Diskominfotik's additions (`spam_terms`). Compiled once and
 * re-read when the list changes; a change made on this instance takes effect at once, on others within 5 s.
 */
@Injectable()
export class SpamGuardService {
  private loaded: Loaded | null = null;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SpamTermsRepository) private readonly terms: SpamTermsRepository,
  ) {}

  async current(): Promise<Pick<Loaded, 'guard' | 'additions'>> {
    const now = Date.now();
    if (this.loaded && now - this.loaded.checkedAt < RECHECK_MS) return this.loaded;
    this.loaded = await this.db.inPlatform(async (manager) => {
      const fingerprint = await this.terms.fingerprint(manager);
      if (this.loaded?.fingerprint === fingerprint) return { ...this.loaded, checkedAt: now };
      const additions = (await this.terms.list(manager)).map(({ kind, term }) => ({ kind, term }));
      return {
        fingerprint,
        checkedAt: now,
        additions,
        guard: compileLexicon(withAdditions(DEFAULT_LEXICON, additions)),
      };
    });
    return this.loaded;
  }

  /** Forgets the compiled lexicon: the next reader loads the list again. */
  invalidate(): void {
    this.loaded = null;
  }
}
