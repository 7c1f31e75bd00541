import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_LEXICON, readWords } from '@laman/spam-guard';
import { type Principal } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { type AddSpamTermDto, type SpamLexiconDto, type SpamTermDto, toSpamTermDto } from './spam-terms.dto';
import { SpamGuardService } from './spam-guard.service';
import { SpamTermsRepository } from './spam-terms.repository';

const HOST = /^(?=.{3,80}$)([a-z0-9-]+\.)+[a-z]{2,}$/;

/** Diskominfotik's part of the lexicon: added and removed at run time, effective within seconds. */
@Injectable()
export class SpamTermsService {
  private readonly logger = new Logger(SpamTermsService.name);

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SpamTermsRepository) private readonly terms: SpamTermsRepository,
    @Inject(SpamGuardService) private readonly guards: SpamGuardService,
  ) {}

  async lexicon(): Promise<SpamLexiconDto> {
    const added = await this.db.inPlatform((manager) => this.terms.list(manager));
    return {
      defaultHold: [...DEFAULT_LEXICON.hold],
      defaultTopic: [...DEFAULT_LEXICON.topic],
      defaultShorteners: [...DEFAULT_LEXICON.shorteners],
      added: added.map(toSpamTermDto),
    };
  }

  async add(body: AddSpamTermDto, actor: Principal): Promise<SpamTermDto> {
    const term = body.kind === 'shorteners' ? body.term.toLowerCase() : body.term;
    this.assertReadable(body.kind, term);
    const added = await this.db.inPlatform(async (manager) => {
      const existing = await this.terms.list(manager);
      if (existing.some((row) => row.kind === body.kind && sameReading(row.term, term))) {
        throw new DomainError('CONFLICT', `"${term}" sudah ada di daftar tambahan.`, [
          { field: 'term', constraint: 'unique', message: 'term sudah ada di daftar tambahan' },
        ]);
      }
      return this.terms.add(manager, {
        kind: body.kind,
        term,
        note: body.note ?? null,
        addedBy: actor.userId,
      });
    });
    this.guards.invalidate();
    this.logger.log({ kind: added.kind, term: added.term, by: actor.userId }, 'Spam term added');
    return toSpamTermDto(added);
  }

  async remove(id: string, actor: Principal): Promise<void> {
    const removed = await this.db.inPlatform((manager) => this.terms.remove(manager, id));
    if (!removed) throw new DomainError('NOT_FOUND', 'Istilah tidak ditemukan.');
    this.guards.invalidate();
    this.logger.log({ kind: removed.kind, term: removed.term, by: actor.userId }, 'Spam term removed');
  }

  /** A term must mean something once read (not only symbols), and must not already ship with Laman. */
  private assertReadable(kind: AddSpamTermDto['kind'], term: string): void {
    const problem = (message: string) =>
      new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        { field: 'term', constraint: 'readable', message: `term ${message}` },
      ]);
    if (kind === 'shorteners' && !HOST.test(term))
      throw problem('harus berupa nama domain, mis. pendek.example');
    if (kind === 'hold' && readWords(term).join('').length < 3)
      throw problem('terlalu pendek setelah dibaca (minimal 3 huruf/angka)');
    const defaults = kind === 'hold' ? DEFAULT_LEXICON.hold : DEFAULT_LEXICON.shorteners;
    if (defaults.some((entry) => sameReading(entry, term))) {
      throw new DomainError('CONFLICT', `"${term}" sudah ada di daftar bawaan.`, [
        { field: 'term', constraint: 'unique', message: 'term sudah ada di daftar bawaan' },
      ]);
    }
  }
}

const sameReading = (a: string, b: string) => readWords(a).join('') === readWords(b).join('');
