import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type TenantDuty, type TenantRole } from '../../core/access/roles';
import { type TenantTransaction } from '../../core/database/database.service';
import { TenantScopedRepository } from '../../core/database/tenant-scoped.repository';
import { Membership, type MembershipStatus } from './membership.entity';

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: TenantRole;
  duties: TenantDuty[];
  status: MembershipStatus;
  /** Null until the person has accepted: an inviter may not learn about someone else's account. */
  userStatus: string | null;
  lastLoginAt: Date | null;
  joinedAt: Date;
}

export interface OwnMembershipRow {
  tenantId: string;
  slug: string;
  name: string;
  shortName: string;
  tenantStatus: string;
  role: TenantRole;
  formerSlugs: string[];
  duties: TenantDuty[];
}

@Injectable()
export class MembershipsRepository extends TenantScopedRepository<Membership> {
  constructor() {
    super(Membership);
  }

  /**
   * The OPD's people. Someone who has not accepted yet is shown only as the inviter typed them (email, name):
   * whether that email already had an account, its name and its last sign-in are not this OPD's business.
   */
  async listMembers(tx: TenantTransaction): Promise<MemberRow[]> {
    return tx.manager.query(
      `SELECT u.id AS "userId", u.email,
              CASE WHEN m.accepted_at IS NULL THEN coalesce(m.invited_name, u.name) ELSE u.name END AS name,
              m.role, m.duties, m.status,
              CASE WHEN m.accepted_at IS NULL THEN NULL ELSE u.status END AS "userStatus",
              CASE WHEN m.accepted_at IS NULL THEN NULL ELSE u.last_login_at END AS "lastLoginAt",
              m.created_at AS "joinedAt"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1
        ORDER BY m.status, name`,
      [tx.tenantId],
    );
  }

  /** Every tenant where the user has a membership in any state; needs Database.asUser(userId). */
  async tenantIdsOf(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: Array<{ tenant_id: string }> = await manager.query(
      `SELECT tenant_id FROM memberships WHERE user_id = $1`,
      [userId],
    );
    return rows.map((row) => row.tenant_id);
  }

  /** Locks the tenant's active admins' rows, so two concurrent demotions cannot both see "another admin". */
  async lockActiveAdmins(tx: TenantTransaction): Promise<number> {
    const rows: unknown[] = await tx.manager.query(
      `SELECT id FROM memberships WHERE tenant_id = $1 AND role = 'tenant_admin' AND status = 'active' ORDER BY id FOR UPDATE`,
      [tx.tenantId],
    );
    return rows.length;
  }

  /** A user's active memberships in every tenant; needs a transaction scoped to that user (Database.asUser). */
  listOwn(manager: EntityManager, userId: string): Promise<OwnMembershipRow[]> {
    return manager.query(
      `SELECT t.id AS "tenantId", t.slug, t.name, t.short_name AS "shortName", t.status AS "tenantStatus", m.role,
              t.former_slugs AS "formerSlugs", m.duties
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = $1 AND m.status = 'active'
        ORDER BY t.name`,
      [userId],
    );
  }
}
