import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { TENANT_DUTIES, type TenantDuty, type TenantRole } from '../../core/access/roles';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { type AuditAction } from '../audit/audit-actions';
import { AuditLog } from '../audit/audit-log.service';
import { UserTokensRepository } from '../auth/user-tokens.repository';
import { type InvitationDto } from './dto/member.dto';
import { InvitationsService, type NewMember } from './invitations.service';
import { type Membership } from './membership.entity';
import { type MemberRow, MembershipsRepository } from './memberships.repository';
import { UsersRepository } from './users.repository';

/**
 * What a tenant admin may do with the people of their own OPD: offer a membership (the person accepts it),
 * change a role, end the membership. Never anything to the account itself (its password only for someone who
 * belongs to this OPD alone), and nothing at all to city-level accounts (platform admins, monitors).
 */
@Injectable()
export class TenantUsersService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(MembershipsRepository) private readonly memberships: MembershipsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
    @Inject(UserTokensRepository) private readonly tokens: UserTokensRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  list(tenant: TenantContext): Promise<MemberRow[]> {
    return this.db.inTenant(tenant.tenantId, (tx) => this.memberships.listMembers(tx));
  }

  /** The same answer whether the email has an account or not: a pending member and their link. */
  invite(
    tenant: TenantContext,
    person: NewMember,
  ): Promise<{ member: MemberRow; invitation: InvitationDto }> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const added = await this.invitations.addToTenant(tx, person, tenant.actor.userId);
      await this.record(tx, tenant, 'user.invited', added.userId, { role: person.role, email: added.email });
      return { member: await this.member(tx, added.userId), invitation: added.invitation };
    });
  }

  reissueInvitation(tenant: TenantContext, userId: string): Promise<InvitationDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const membership = await this.membershipOf(tx, userId);
      const invitation = await this.invitations.reissueMembership(tx, membership, tenant.actor.userId);
      await this.record(tx, tenant, 'user.invitation_reissued', userId);
      return invitation;
    });
  }

  /**
   * A password reset link for a member. Only for people who belong to this OPD alone: an account that also
   * works in another OPD (or on the platform) is not this admin's to take over; Diskominfotik resets it.
   */
  async issuePasswordReset(tenant: TenantContext, userId: string): Promise<InvitationDto> {
    // Only an accepted, active membership makes the person this OPD's member; anyone else is "not found",
    // whoever they are, before anything about their account is looked at.
    await this.db.inTenant(tenant.tenantId, async (tx) => {
      if ((await this.membershipOf(tx, userId)).status !== 'active') throw notFound();
    });
    // Row-level security shows a person's memberships in every OPD only in that person's own scope. Any
    // membership elsewhere counts, pending or ended: the account is then not this OPD's alone.
    const tenantIds = await this.db.asUser(userId, (manager) =>
      this.memberships.tenantIdsOf(manager, userId),
    );
    const user = await this.db.inPlatform((manager) => this.users.findById(manager, userId));
    if (!user) throw notFound();
    if (user.platformRole || tenantIds.some((tenantId) => tenantId !== tenant.tenantId)) {
      throw new DomainError(
        'FORBIDDEN',
        'Akun ini juga dipakai di OPD lain atau di tingkat kota; minta Diskominfotik mengatur ulang kata sandinya',
      );
    }
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const link = await this.invitations.issuePasswordReset(tx.manager, user, tenant.actor.userId);
      await this.record(tx, tenant, 'user.password_reset_issued', userId);
      return link;
    });
  }

  changeRole(tenant: TenantContext, userId: string, role: TenantRole): Promise<MemberRow> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const membership = await this.membershipOf(tx, userId);
      await this.assertOpdAccount(tx, membership);
      if (membership.role === role) return this.member(tx, userId);
      if (membership.role === 'tenant_admin') await this.assertAnotherAdmin(tx, membership);
      await this.memberships.update(tx, { id: membership.id }, { role });
      await this.record(tx, tenant, 'user.role_changed', userId, { from: membership.role, to: role });
      return this.member(tx, userId);
    });
  }

  /**
   * Sets the person's PPID duties (replacing the earlier ones). Only for an OPD's own accounts, as with roles:
   * a city-level account never holds an OPD duty.
   */
  setDuties(tenant: TenantContext, userId: string, duties: TenantDuty[]): Promise<MemberRow> {
    const wanted = TENANT_DUTIES.filter((duty) => duties.includes(duty));
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const membership = await this.membershipOf(tx, userId);
      await this.assertOpdAccount(tx, membership);
      const before = membership.duties ?? [];
      if (before.length === wanted.length && before.every((duty) => wanted.includes(duty)))
        return this.member(tx, userId);
      await this.memberships.update(tx, { id: membership.id }, { duties: wanted });
      await this.record(tx, tenant, 'user.duties_changed', userId, { from: before, to: wanted });
      return this.member(tx, userId);
    });
  }

  /**
   * Ends the person's access to this OPD, at once (the guard reads the membership on every request). Their
   * account, their sessions and their work for other OPDs are untouched: only a platform admin ends those.
   * A pending invitation is withdrawn: its link stops working.
   */
  deactivate(tenant: TenantContext, userId: string): Promise<MemberRow> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      if (userId === tenant.actor.userId) {
        throw new DomainError('CANNOT_CHANGE_OWN_ACCESS', 'Anda tidak dapat menonaktifkan akun Anda sendiri');
      }
      const membership = await this.membershipOf(tx, userId);
      await this.assertOpdAccount(tx, membership);
      if (membership.status === 'deactivated') return this.member(tx, userId);
      if (membership.role === 'tenant_admin') await this.assertAnotherAdmin(tx, membership);
      await this.memberships.update(tx, { id: membership.id }, { status: 'deactivated' });
      await this.tokens.revokeForMembership(tx.manager, membership.id);
      await this.record(tx, tenant, 'user.deactivated', userId);
      return this.member(tx, userId);
    });
  }

  /** Gives back access the person once accepted; a withdrawn invitation becomes pending again (new link). */
  reactivate(tenant: TenantContext, userId: string): Promise<MemberRow> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const membership = await this.membershipOf(tx, userId);
      await this.assertOpdAccount(tx, membership);
      if (membership.status !== 'deactivated') return this.member(tx, userId);
      const status = membership.acceptedAt ? 'active' : 'pending';
      await this.memberships.update(tx, { id: membership.id }, { status });
      await this.record(tx, tenant, 'user.reactivated', userId);
      return this.member(tx, userId);
    });
  }

  private async membershipOf(tx: TenantTransaction, userId: string): Promise<Membership> {
    const membership = await this.memberships.findOne(tx, { userId });
    if (!membership) throw notFound();
    return membership;
  }

  /**
   * City-level accounts (platform admins, monitors) are Diskominfotik's to manage, never an OPD's. Only an
   * accepted membership says anything about the account; acting on a pending offer touches the offer alone,
   * and answers alike for every email (so it cannot tell an inviter what kind of account an email has).
   */
  private async assertOpdAccount(tx: TenantTransaction, membership: Membership): Promise<void> {
    if (!membership.acceptedAt) return;
    const user = await this.users.findById(tx.manager, membership.userId);
    if (user?.platformRole) {
      throw new DomainError(
        'FORBIDDEN',
        'Akun tingkat kota (admin platform atau pemantau) hanya dapat diubah oleh Diskominfotik',
      );
    }
  }

  private async member(tx: TenantTransaction, userId: string): Promise<MemberRow> {
    const row = (await this.memberships.listMembers(tx)).find((member) => member.userId === userId);
    if (!row) throw notFound();
    return row;
  }

  /** An OPD must always keep one active tenant admin, or nobody can manage it without the IT office. */
  private async assertAnotherAdmin(tx: TenantTransaction, membership: Membership): Promise<void> {
    if (membership.status !== 'active') return;
    if ((await this.memberships.lockActiveAdmins(tx)) <= 1) {
      throw new DomainError('LAST_TENANT_ADMIN', 'OPD harus tetap memiliki minimal satu admin aktif');
    }
  }

  private record(
    tx: TenantTransaction,
    tenant: TenantContext,
    action: AuditAction,
    userId: string,
    data?: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      actorUserId: tenant.actor.userId,
      action,
      targetType: 'user',
      targetId: userId,
      ...(data ? { data } : {}),
    });
  }
}

function notFound(): DomainError {
  return new DomainError('USER_NOT_FOUND', 'Pengguna tidak ditemukan di OPD ini');
}
