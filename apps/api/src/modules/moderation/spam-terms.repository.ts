import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { SpamTerm } from './spam-term.entity';

/** Platform rows: reached through a platform transaction (`Database.inPlatform`). */
@Injectable()
export class SpamTermsRepository {
  list(manager: EntityManager): Promise<SpamTerm[]> {
    return manager.getRepository(SpamTerm).find({ order: { createdAt: 'DESC' } });
  }

  add(manager: EntityManager, term: Pick<SpamTerm, 'kind' | 'term' | 'note' | 'addedBy'>): Promise<SpamTerm> {
    return manager.getRepository(SpamTerm).save(manager.getRepository(SpamTerm).create(term));
  }

  async remove(manager: EntityManager, id: string): Promise<SpamTerm | null> {
    const found = await manager.getRepository(SpamTerm).findOneBy({ id });
    if (found) await manager.getRepository(SpamTerm).delete({ id });
    return found;
  }

  /** When the list last changed (a cheap question every reader asks before trusting its cached lexicon). */
  async fingerprint(manager: EntityManager): Promise<string> {
    const [row] = (await manager.query(
      `SELECT count(*)::text || ':' || coalesce(max(created_at)::text, '') AS fingerprint FROM spam_terms`,
    )) as Array<{ fingerprint: string }>;
    return row?.fingerprint ?? '';
  }
}
