import { asSuperuser } from './superuser';
import { type TestDatabase } from './test-database';

export interface AccountState {
  account: { name: string; status: string; platformRole: string | null; passwordHash: string | null };
  memberships: Array<{ tenantId: string; role: string; status: string }>;
  liveSessions: number;
}

/** Everything about one account that an attack could change, so a test can assert a refusal wrote nothing. */
export async function accountState(database: TestDatabase, userId: string): Promise<AccountState> {
  const [account] = await asSuperuser<AccountState['account']>(
    database,
    `SELECT name, status, platform_role AS "platformRole", password_hash AS "passwordHash" FROM users WHERE id = $1`,
    [userId],
  );
  const memberships = await asSuperuser<AccountState['memberships'][number]>(
    database,
    `SELECT tenant_id AS "tenantId", role, status FROM memberships WHERE user_id = $1 ORDER BY tenant_id`,
    [userId],
  );
  const [sessions] = await asSuperuser<{ n: number }>(
    database,
    `SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId],
  );
  return { account: account!, memberships, liveSessions: sessions!.n };
}
