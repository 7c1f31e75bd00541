import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { type Principal } from './principal';
import { type PlatformRole, type TenantDuty, type TenantRole } from './roles';

interface SessionRow {
  id: string;
  email: string;
  name: string;
  platform_role: PlatformRole | null;
  user_status: string;
  session_live: boolean;
}

export interface TenantAccessRow {
  tenantId: string;
  slug: string;
  status: 'active' | 'suspended';
  membershipRole: TenantRole | null;
  membershipActive: boolean;
  duties: TenantDuty[];
}

/** The lookups the access guard makes on every request, kept to one round trip each. */
@Injectable()
export class AccessRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** The principal behind a live session, or null when the session or the user has ended. */
  async findPrincipal(userId: string, sessionId: string): Promise<Principal | null> {
    const rows: SessionRow[] = await this.db.inPlatform((manager) =>
      manager.query(
        `SELECT u.id, u.email, u.name, u.platform_role, u.status AS user_status,
                (s.revoked_at IS NULL AND s.expires_at > now()) AS session_live
           FROM auth_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.user_id = $2`,
        [sessionId, userId],
      ),
    );
    const row = rows[0];
    if (!row || !row.session_live || row.user_status !== 'active') return null;
    return { userId: row.id, sessionId, email: row.email, name: row.name, platformRole: row.platform_role };
  }

  /** The tenant behind a slug and the caller's membership in it (read through the caller's own-rows policy). */
  async findTenantAccess(slug: string, userId: string): Promise<TenantAccessRow | null> {
    const rows: Array<{
      id: string;
      slug: string;
      status: 'active' | 'suspended';
      role: TenantRole | null;
      membership_status: string | null;
      duties: TenantDuty[] | null;
    }> = await this.db.asUser(userId, (manager) =>
      manager.query(
        `SELECT t.id, t.slug, t.status, m.role, m.status AS membership_status, m.duties
             FROM tenants t LEFT JOIN memberships m ON m.tenant_id = t.id AND m.user_id = $2
            WHERE t.slug = $1`,
        [slug, userId],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    return {
      tenantId: row.id,
      slug: row.slug,
      status: row.status,
      membershipRole: row.role,
      membershipActive: row.membership_status === 'active',
      duties: row.membership_status === 'active' ? (row.duties ?? []) : [],
    };
  }
}
