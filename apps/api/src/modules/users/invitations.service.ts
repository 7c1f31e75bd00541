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
  ): Promise<InvitationDto> {
    const expiresAt = new Date(Date.now() + this.config.auth.invitationTtlHours * 3_600_000);
    const token = await this.tokens.issue(manager, {
      userId,
      purpose: 'invitation',
      expiresAt,
      createdBy: invitedBy,
    });
    const url = new URL('/terima-undangan', this.config.adminUrl);
    url.searchParams.set('token', token);
    return { url: url.toString(), token, expiresAt };
  }
}
