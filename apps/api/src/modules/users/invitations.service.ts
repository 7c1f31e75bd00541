import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type PlatformRole, type TenantRole } from '../../core/access/roles';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { UserTokensRepository } from '../auth/user-tokens.repository';
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
  user: User;
  membership: Membership;
  invitation: InvitationDto | null;
}

/**
 * Brings a person into a tenant: an existing account gets a membership at once; a new one is created as
 * `invited` with a one-time link to choose a password. Shared by tenant admins and tenant provisioning.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MembershipsRepository) private readonly memberships: MembershipsRepository,
    @Inject(UserTokensRepository) private readonly tokens: UserTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async addToTenant(
    tx: TenantTransaction,
    person: NewMember,
    invitedBy: string | null,
  ): Promise<AddedMember> {
    const existing = await this.users.findByEmail(tx.manager, person.email);
    const user =
      existing ??
      (await this.users.create(tx.manager, { email: person.email, name: person.name, status: 'invited' }));
    if (existing) await this.assertNotMember(tx, existing.id);
    const membership = await this.memberships.insert(tx, {
      userId: user.id,
      role: person.role,
      status: 'active',
    });
    const invitation = user.status === 'invited' ? await this.issue(tx.manager, user.id, invitedBy) : null;
    return { user, membership, invitation };
  }

  /** A new link for someone who has not accepted yet; the previous link stops working. */
  async reissue(manager: EntityManager, user: User, invitedBy: string): Promise<InvitationDto> {
    if (user.status !== 'invited') {
      throw new DomainError('CONFLICT', 'Pengguna ini sudah mengaktifkan akunnya; undangan tidak diperlukan');
    }
    return this.issue(manager, user.id, invitedBy);
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
    return this.issue(manager, user.id, issuedBy, 'password_reset');
  }

  /** A new platform-wide account (no tenant yet), invited with a one-time link. */
  async createInvitedUser(
    manager: EntityManager,
    person: { email: string; name: string; platformRole: PlatformRole | null },
    invitedBy: string | null,
  ): Promise<{ user: User; invitation: InvitationDto }> {
    const user = await this.users.create(manager, { ...person, status: 'invited' });
    return { user, invitation: await this.issue(manager, user.id, invitedBy) };
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
    purpose: 'invitation' | 'password_reset' = 'invitation',
  ): Promise<InvitationDto> {
    const hours = purpose === 'invitation' ? this.config.auth.invitationTtlHours : PASSWORD_RESET_TTL_HOURS;
    const expiresAt = new Date(Date.now() + hours * 3_600_000);
    const token = await this.tokens.issue(manager, { userId, purpose, expiresAt, createdBy: invitedBy });
    const url = new URL(
      purpose === 'invitation' ? '/terima-undangan' : '/atur-ulang-sandi',
      this.config.adminUrl,
    );
    url.searchParams.set('token', token);
    return { url: url.toString(), token, expiresAt };
  }
}
