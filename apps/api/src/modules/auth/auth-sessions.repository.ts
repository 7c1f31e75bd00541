import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuthSession } from './auth-session.entity';

export type RevocationReason =
  'logout' | 'password_changed' | 'deactivated' | 'refresh_reuse' | 'membership_changed';

@Injectable()
export class AuthSessionsRepository {
  create(
    manager: EntityManager,
    values: {
      userId: string;
      secretHash: string;
      expiresAt: Date;
      userAgent: string | null;
      ip: string | null;
    },
  ): Promise<AuthSession> {
    const repository = manager.getRepository(AuthSession);
    return repository.save(repository.create({ ...values, lastUsedAt: new Date() }));
  }

  /** The account's signed-in devices, most recently used first. */
  listLive(manager: EntityManager, userId: string): Promise<AuthSession[]> {
    return manager.getRepository(AuthSession).find({
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastUsedAt: 'DESC' },
      take: 50,
    });
  }

  /** Locks the row: two refreshes racing with the same token cannot both rotate it. */
  findForUpdate(manager: EntityManager, id: string): Promise<AuthSession | null> {
    return manager.getRepository(AuthSession).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async rotate(
    manager: EntityManager,
    id: string,
    rotation: { secretHash: string; previousSecretHash: string; rotatedAt: Date },
  ): Promise<void> {
    await manager.getRepository(AuthSession).update({ id }, { ...rotation, lastUsedAt: rotation.rotatedAt });
  }

  async revoke(manager: EntityManager, id: string, reason: RevocationReason): Promise<void> {
    await manager
      .getRepository(AuthSession)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  async revokeAllForUser(manager: EntityManager, userId: string, reason: RevocationReason): Promise<number> {
    const result = await manager
      .getRepository(AuthSession)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    return result.affected ?? 0;
  }
}
