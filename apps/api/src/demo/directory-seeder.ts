import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type PlatformRole, type TenantDuty, type TenantRole } from '../core/access/roles';
import { Database } from '../core/database/database.service';
import { PasswordHasher } from '../modules/auth/password-hasher';
import { type Tenant, type TenantKind } from '../modules/tenants/tenant.entity';
import { TenantsRepository } from '../modules/tenants/tenants.repository';
import { MembershipsRepository } from '../modules/users/memberships.repository';
import { type User } from '../modules/users/user.entity';
import { UsersRepository } from '../modules/users/users.repository';

export interface TenantSeed {
  slug: string;
  name: string;
  shortName: string;
  kind: TenantKind;
  formerNames?: string[];
  status?: 'active' | 'suspended';
}

export interface UserSeed {
  email: string;
  name: string;
  password: string;
  platformRole?: PlatformRole;
}

/**
 * Writes tenants, users and memberships straight through the repositories (as the API's own database
 * role, under row-level security). Used by the demo seed and by the integration tests' `given` helpers.
 */
export class DirectorySeeder {
  private readonly db: Database;
  private readonly hasher = new PasswordHasher();
  private readonly tenants = new TenantsRepository();
  private readonly users = new UsersRepository();
  private readonly memberships = new MembershipsRepository();

  constructor(dataSource: DataSource) {
    this.db = new Database(dataSource);
  }

  tenant(seed: TenantSeed): Promise<Tenant> {
    return this.db.inPlatform((manager) =>
      this.tenants.insert(manager, { id: randomUUID(), ...seed, formerNames: seed.formerNames ?? [] }),
    );
  }

  async user(seed: UserSeed): Promise<User> {
    const passwordHash = await this.hasher.hash(seed.password);
    return this.db.inPlatform((manager) =>
      this.users.create(manager, {
        email: seed.email,
        name: seed.name,
        status: 'active',
        passwordHash,
        platformRole: seed.platformRole ?? null,
      }),
    );
  }

  async member(tenant: Tenant, user: User, role: TenantRole, duties: TenantDuty[] = []): Promise<void> {
    await this.db.inTenant(tenant.id, (tx) =>
      this.memberships.insert(tx, {
        userId: user.id,
        role,
        duties,
        status: 'active',
        acceptedAt: new Date(),
      }),
    );
  }

  async isEmpty(): Promise<boolean> {
    const rows: Array<{ tenants: number; users: number }> = await this.db.inPlatform((manager) =>
      manager.query(
        'SELECT (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM users)::int AS users',
      ),
    );
    return rows[0]?.tenants === 0 && rows[0]?.users === 0;
  }
}
