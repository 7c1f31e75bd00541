import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { type PlatformRole } from '../../core/access/roles';
import { hashSecret, newSecret } from './secret-tokens';
import { UserToken, type UserTokenPurpose } from './user-token.entity';

/** What an invitation grants when accepted: a pending membership in one tenant, or a platform role. */
export type Grant =
  | { kind: 'membership'; tenantId: string; membershipId: string }
  | { kind: 'platform'; platformRole: PlatformRole };

export interface NewUserToken {
  userId: string;
  purpose: UserTokenPurpose;
  expiresAt: Date;
  createdBy: string | null;
  grant?: Grant;
  /** The grant's account was created for it; a reissued link inherits this from the grant's earlier link. */
  claimsAccount?: boolean;
}

@Injectable()
export class UserTokensRepository {
  /**
   * Issues a one-time token and returns its plain value, which is never stored. A new link replaces an unused
   * older one *for the same thing* only: the same grant, or the account's password reset. Links for other
   * grants (another OPD's invitation) keep working.
   */
  async issue(manager: EntityManager, values: NewUserToken): Promise<string> {
    const token = newSecret();
    const repository = manager.getRepository(UserToken);
    const { grant, claimsAccount, ...rest } = values;
    const columns = grantColumns(grant);
    const sameThing = {
      userId: values.userId,
      purpose: values.purpose,
      ...(columns.membershipId ? { membershipId: columns.membershipId } : {}),
      ...(columns.platformRole ? { platformRole: Not(IsNull()) } : {}),
    };
    const earlier = await repository.findOne({ where: sameThing, order: { createdAt: 'DESC' } });
    await repository.update({ ...sameThing, usedAt: IsNull() }, { usedAt: new Date() });
    await repository.save(
      repository.create({
        ...rest,
        ...columns,
        claimsAccount: claimsAccount ?? earlier?.claimsAccount ?? false,
        tokenHash: hashSecret(token),
      }),
    );
    return token;
  }

  /** A valid (unused, unexpired) token, locked until the transaction ends; null otherwise. Not consumed. */
  async findUsable(
    manager: EntityManager,
    token: string,
    purpose: UserTokenPurpose,
  ): Promise<UserToken | null> {
    const found = await manager.getRepository(UserToken).findOne({
      where: { tokenHash: hashSecret(token), purpose, usedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    return found && found.expiresAt.getTime() > Date.now() ? found : null;
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(UserToken).update({ id, usedAt: IsNull() }, { usedAt: new Date() });
  }

  /** Ends every unused link of a grant (its invitation was cancelled). */
  async revokeForMembership(manager: EntityManager, membershipId: string): Promise<void> {
    await manager.getRepository(UserToken).update({ membershipId, usedAt: IsNull() }, { usedAt: new Date() });
  }

  /** The platform role most recently offered to an account, for reissuing that invitation. */
  async lastPlatformGrant(manager: EntityManager, userId: string): Promise<PlatformRole | null> {
    const found = await manager.getRepository(UserToken).findOne({
      where: { userId, purpose: 'invitation', platformRole: Not(IsNull()) },
      order: { createdAt: 'DESC' },
    });
    return found?.platformRole ?? null;
  }
}

function grantColumns(
  grant: Grant | undefined,
): Pick<UserToken, 'grantTenantId' | 'membershipId' | 'platformRole'> {
  const none = { grantTenantId: null, membershipId: null, platformRole: null };
  if (grant?.kind === 'membership')
    return { ...none, grantTenantId: grant.tenantId, membershipId: grant.membershipId };
  if (grant?.kind === 'platform') return { ...none, platformRole: grant.platformRole };
  return none;
}
