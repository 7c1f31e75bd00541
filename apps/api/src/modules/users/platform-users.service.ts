import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type Principal } from '../../core/access/principal';
import { type PlatformRole } from '../../core/access/roles';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { AuthSessionsRepository } from '../auth/auth-sessions.repository';
import { type InvitationDto } from './dto/member.dto';
import { type UserListQueryDto } from './dto/platform-user.dto';
import { InvitationsService } from './invitations.service';
import { type User } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * Accounts across the platform (platform admins only): who holds a platform role (Diskominfotik's admins,
 * Bapperida's monitors), and switching a person off everywhere at once.
 */
@Injectable()
export class PlatformUsersService {
  private readonly logger = new Logger('PlatformUsers');

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
    @Inject(AuthSessionsRepository) private readonly sessions: AuthSessionsRepository,
  ) {}

  list(query: UserListQueryDto): Promise<[User[], number]> {
    return this.db.inPlatform((manager) => this.users.list(manager, query));
  }

  /**
   * Offers a platform role with a one-time link; the account (new, or one that already exists) gets the role
   * only when its owner accepts the link (signing in first if the account already has a password).
   */
  invite(
    person: { email: string; name: string; platformRole: PlatformRole },
    actor: Principal,
  ): Promise<{ user: User; invitation: InvitationDto }> {
    return this.db.inPlatform(async (manager) => {
      const result = await this.invitations.offerPlatformRole(manager, person, actor.userId);
      this.audit(actor, 'platform.user_invited', result.user.id, { platformRole: person.platformRole });
      return result;
    });
  }

  changeRole(userId: string, platformRole: PlatformRole | null, actor: Principal): Promise<User> {
    return this.db.inPlatform(async (manager) => {
      const user = await this.require(manager, userId, actor);
      if (user.platformRole === platformRole) return user;
      await this.assertAnotherPlatformAdmin(manager, user);
      this.audit(actor, 'platform.role_changed', userId, { from: user.platformRole, to: platformRole });
      return this.update(manager, userId, { platformRole });
    });
  }

  /** Switches the account off everywhere: no sign-in, every session revoked at once. */
  deactivate(userId: string, actor: Principal): Promise<User> {
    return this.db.inPlatform(async (manager) => {
      const user = await this.require(manager, userId, actor);
      if (user.status === 'deactivated') return user;
      await this.assertAnotherPlatformAdmin(manager, user);
      await this.sessions.revokeAllForUser(manager, userId, 'deactivated');
      this.audit(actor, 'platform.user_deactivated', userId);
      return this.update(manager, userId, { status: 'deactivated' });
    });
  }

  reactivate(userId: string, actor: Principal): Promise<User> {
    return this.db.inPlatform(async (manager) => {
      const user = await this.require(manager, userId, actor);
      if (user.status !== 'deactivated') return user;
      this.audit(actor, 'platform.user_reactivated', userId);
      // Someone who never accepted their invitation goes back to "invited", not "active".
      const withPassword = await this.users.findWithPassword(manager, { id: userId });
      return this.update(manager, userId, { status: withPassword?.passwordHash ? 'active' : 'invited' });
    });
  }

  reissueInvitation(userId: string, actor: Principal): Promise<InvitationDto> {
    return this.db.inPlatform(async (manager) => {
      const user = await this.users.findById(manager, userId);
      if (!user) throw notFound();
      return this.invitations.reissuePlatformRole(manager, user, actor.userId);
    });
  }

  issuePasswordReset(userId: string, actor: Principal): Promise<InvitationDto> {
    return this.db.inPlatform(async (manager) => {
      const user = await this.users.findById(manager, userId);
      if (!user) throw notFound();
      this.audit(actor, 'platform.user_password_reset_issued', userId);
      return this.invitations.issuePasswordReset(manager, user, actor.userId);
    });
  }

  private async require(manager: EntityManager, userId: string, actor: Principal): Promise<User> {
    if (userId === actor.userId) {
      throw new DomainError('CANNOT_CHANGE_OWN_ACCESS', 'Anda tidak dapat mengubah akses akun Anda sendiri');
    }
    const user = await this.users.findById(manager, userId);
    if (!user) throw notFound();
    return user;
  }

  private async update(
    manager: EntityManager,
    userId: string,
    patch: Partial<Pick<User, 'status' | 'platformRole'>>,
  ): Promise<User> {
    await this.users.update(manager, userId, patch);
    const user = await this.users.findById(manager, userId);
    if (!user) throw notFound();
    return user;
  }

  /** The platform must keep one active platform admin, or nobody can provision OPDs. */
  private async assertAnotherPlatformAdmin(manager: EntityManager, user: User): Promise<void> {
    if (user.platformRole !== 'platform_admin' || user.status !== 'active') return;
    if ((await this.users.lockActivePlatformAdmins(manager)) <= 1) {
      throw new DomainError(
        'LAST_PLATFORM_ADMIN',
        'Platform harus tetap memiliki minimal satu admin platform aktif',
      );
    }
  }

  private audit(actor: Principal, action: string, userId: string, data: Record<string, unknown> = {}): void {
    this.logger.log(
      { audit: true, action, actorUserId: actor.userId, targetUserId: userId, ...data },
      action,
    );
  }
}

function notFound(): DomainError {
  return new DomainError('USER_NOT_FOUND', 'Pengguna tidak ditemukan');
}
