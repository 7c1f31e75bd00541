import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type TenantRole } from '../../core/access/roles';
import { type TenantTransaction } from '../../core/database/database.service';
import { TenantScopedRepository } from '../../core/database/tenant-scoped.repository';
import { Membership, type MembershipStatus } from './membership.entity';

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: TenantRole;
  status: MembershipStatus;
  userStatus: string;
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
}

@Injectable()
export class MembershipsRepository extends TenantScopedRepository<Membership> {
  constructor() {
    super(Membership);
  }

  async listMembers(tx: TenantTransaction): Promise<MemberRow[]> {
    return tx.manager.query(
      `SELECT u.id AS "userId", u.email, u.name, m.role, m.status, u.status AS "userStatus",
              u.last_login_at AS "lastLoginAt", m.created_at AS "joinedAt"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1
        ORDER BY m.status, u.name`,
      [tx.tenantId],
    );
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
              t.former_slugs AS "formerSlugs"
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = $1 AND m.status = 'active'
        ORDER BY t.name`,
      [userId],
    );
  }
}
