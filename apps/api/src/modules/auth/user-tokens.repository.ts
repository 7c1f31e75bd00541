import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { hashSecret, newSecret } from './secret-tokens';
import { UserToken, type UserTokenPurpose } from './user-token.entity';

@Injectable()
export class UserTokensRepository {
  /** Issues a one-time token and returns its plain value, which is never stored. */
  async issue(
    manager: EntityManager,
    values: { userId: string; purpose: UserTokenPurpose; expiresAt: Date; createdBy: string | null },
  ): Promise<string> {
    const token = newSecret();
    const repository = manager.getRepository(UserToken);
    // An older unused link of the same kind stops working when a new one is issued.
    await repository.update(
      { userId: values.userId, purpose: values.purpose, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    await repository.save(repository.create({ ...values, tokenHash: hashSecret(token) }));
    return token;
  }

  /** Marks a valid token used and returns it; null when unknown, used or expired. */
  async consume(manager: EntityManager, token: string, purpose: UserTokenPurpose): Promise<UserToken | null> {
    const repository = manager.getRepository(UserToken);
    const found = await repository.findOne({
      where: { tokenHash: hashSecret(token), purpose, usedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found || found.expiresAt.getTime() <= Date.now()) return null;
    await repository.update({ id: found.id }, { usedAt: new Date() });
    return found;
  }
}
