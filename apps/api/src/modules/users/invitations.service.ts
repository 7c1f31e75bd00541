import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type PlatformRole, type TenantRole } from '../../core/access/roles';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { AuditLog } from '../audit/audit-log.service';
import { linkNotValid } from '../auth/link-errors';
import { type UserToken } from '../auth/user-token.entity';
import { type Grant, UserTokensRepository } from '../auth/user-tokens.repository';
import { type InvitationDto } from './dto/member.dto';
import { type Membership } from './membership.entity';
import { MembershipsRepository } from './memberships.repository';
import { type User } from './user.entity';
import { UsersRepository } from './users.repository';

/** A reset link is short-lived: it grants the account to whoever holds it. */
const PASSWORD_RESET_TTL_HOURS = 24;

export interface NewMember {
  email: string;
  name: string;
  role: TenantRole;
}

export interface AddedMember {
  userId: string;
  email: string;
  membership: Membership;
  invitation: InvitationDto;
}

/**
 * Offers people a place: a pending membership in an OPD, or a platform role, each with its own one-time link.
 * Nothing about an existing account changes until its owner accepts (AuthService.acceptInvitation), and the
 * inviter's answer is the same whether the email already has an account or not. Shared by tenant admins,
 * platform admins and tenant provisioning.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MembershipsRepository) private readonly memberships: MembershipsRepository,
    @Inject(UserTokensRepository) private readonly tokens: UserTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Database) private readonly db: Database,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async addToTenant(
    tx: TenantTransaction,
    person: NewMember,
    invitedBy: string | null,
  ): Promise<AddedMember> {
    const { user, created } = await this.accountFor(tx.manager, person);
    await this.assertNotMember(tx, user.id);
    const membership = await this.memberships.insert(tx, {
      userId: user.id,
      role: person.role,
      status: 'pending',
      invitedName: person.name,
      acceptedAt: null,
    });
    const grant = membershipGrant(tx, membership);
    const invitation = await this.issue(tx.manager, user.id, invitedBy, grant, created);
    return { userId: user.id, email: user.email, membership, invitation };
  }

  /** A new link for a membership not accepted yet; only that membership's previous link stops working. */
  reissueMembership(
    tx: TenantTransaction,
    membership: Membership,
    invitedBy: string,
  ): Promise<InvitationDto> {
    if (membership.status !== 'pending') {
      throw new DomainError('CONFLICT', 'Pengguna ini sudah menerima undangannya; undangan tidak diperlukan');
    }
    return this.issue(tx.manager, membership.userId, invitedBy, membershipGrant(tx, membership));
  }

  /** Offers a platform role to an account (created as invited when the email has none). */
  async offerPlatformRole(
    manager: EntityManager,
    person: { email: string; name: string; platformRole: PlatformRole },
    invitedBy: string | null,
  ): Promise<{ user: User; invitation: InvitationDto }> {
    const { user, created } = await this.accountFor(manager, person);
    if (user.platformRole) {
      throw new DomainError('USER_ALREADY_PLATFORM', `Pengguna ini sudah berperan ${user.platformRole}`);
    }
    const grant: Grant = { kind: 'platform', platformRole: person.platformRole };
    return { user, invitation: await this.issue(manager, user.id, invitedBy, grant, created) };
  }

  /** A new link for the platform role last offered to this account, while it has not been accepted. */
  async reissuePlatformRole(manager: EntityManager, user: User, invitedBy: string): Promise<InvitationDto> {
    const offered = await this.tokens.lastPlatformGrant(manager, user.id);
    if (!offered || user.platformRole) {
      throw new DomainError('CONFLICT', 'Tidak ada undangan peran platform yang menunggu untuk akun ini');
    }
    return this.issue(manager, user.id, invitedBy, { kind: 'platform', platformRole: offered });
  }

  /**
   * Gives the account what its invitation offered, inside the caller's transaction. Called only once the
   * person has proven they own the account (AuthService.acceptInvitation).
   */
  async applyGrant(manager: EntityManager, link: UserToken, user: User): Promise<void> {
    if (link.platformRole) {
      await this.users.update(manager, user.id, { platformRole: link.platformRole });
      return;
    }
    if (!link.grantTenantId || !link.membershipId) throw linkNotValid('invitation');
    if (user.platformRole) {
      throw new DomainError(
        'FORBIDDEN',
        'Akun tingkat kota (admin platform atau pemantau) tidak menjadi anggota OPD; aksesnya sudah diatur Diskominfotik',
      );
    }
    const tx = await this.db.enterTenant(manager, link.grantTenantId);
    const membership = await this.memberships.findOne(tx, { id: link.membershipId });
    if (membership?.status !== 'pending') throw linkNotValid('invitation');
    await this.memberships.update(tx, { id: membership.id }, { status: 'active', acceptedAt: new Date() });
    await this.audit.record(tx, {
      actorUserId: user.id,
      action: 'user.invitation_accepted',
      targetType: 'user',
      targetId: user.id,
      data: { role: membership.role },
    });
  }

  /**
   * A one-time link to choose a new password, for someone who forgot theirs (an admin sends it, e.g. by
   * WhatsApp). An older unused reset link stops working; the sessions end when the new password is set.
   */
  async issuePasswordReset(manager: EntityManager, user: User, issuedBy: string): Promise<InvitationDto> {
    if (user.status !== 'active') {
      throw new DomainError(
        'CONFLICT',
        user.status === 'invited'
          ? 'Pengguna ini belum mengaktifkan akunnya; buat ulang undangannya'
          : 'Akun ini nonaktif; aktifkan kembali terlebih dahulu',
      );
    }
    return this.issue(manager, user.id, issuedBy);
  }

  /** The account behind an email, created as `invited` (no password, no role) when there is none. */
  private async accountFor(
    manager: EntityManager,
    person: { email: string; name: string },
  ): Promise<{ user: User; created: boolean }> {
    const existing = await this.users.findByEmail(manager, person.email);
    if (existing) return { user: existing, created: false };
    const user = await this.users.create(manager, {
      email: person.email,
      name: person.name,
      status: 'invited',
    });
    return { user, created: true };
  }

  private async assertNotMember(tx: TenantTransaction, userId: string): Promise<void> {
    const membership = await this.memberships.findOne(tx, { userId });
    if (!membership) return;
    const hint = membership.status === 'deactivated' ? ' (nonaktif: aktifkan kembali bila perlu)' : '';
    throw new DomainError('USER_ALREADY_MEMBER', `Pengguna ini sudah menjadi anggota OPD${hint}`);
  }

  private async issue(
    manager: EntityManager,
    userId: string,
    invitedBy: string | null,
    grant?: Grant,
    claimsAccount?: boolean,
  ): Promise<InvitationDto> {
    const purpose = grant ? 'invitation' : 'password_reset';
    const hours = grant ? this.config.auth.invitationTtlHours : PASSWORD_RESET_TTL_HOURS;
    const expiresAt = new Date(Date.now() + hours * 3_600_000);
    const token = await this.tokens.issue(manager, {
      userId,
      purpose,
      expiresAt,
      createdBy: invitedBy,
      ...(grant ? { grant } : {}),
      ...(claimsAccount !== undefined ? { claimsAccount } : {}),
    });
    const url = new URL(grant ? '/terima-undangan' : '/atur-ulang-sandi', this.config.adminUrl);
    url.searchParams.set('token', token);
    return { url: url.toString(), token, expiresAt };
  }
}

function membershipGrant(tx: TenantTransaction, membership: Membership): Grant {
  return { kind: 'membership', tenantId: tx.tenantId, membershipId: membership.id };
}
