import { type Principal } from '../../src/core/access/principal';
import { randomBytes } from 'node:crypto';
import type request from 'supertest';
import { type DataSource } from 'typeorm';
import { type PlatformRole, type TenantRole } from '../../src/core/access/roles';
import { DirectorySeeder } from '../../src/demo/directory-seeder';
import { type Tenant, type TenantKind } from '../../src/modules/tenants/tenant.entity';
import { type User } from '../../src/modules/users/user.entity';

export const TEST_PASSWORD = 'Uji-Laman-Rahasia-77';

export interface SignedIn {
  user: User;
  email: string;
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

/** Scenario builders for integration tests: real rows through the real repositories. */
export class Given {
  private readonly seeder: DirectorySeeder;

  constructor(
    dataSource: DataSource,
    private readonly http: () => ReturnType<typeof request>,
  ) {
    this.seeder = new DirectorySeeder(dataSource);
  }

  tenant(
    slug = `opd-${unique()}`,
    extra: { status?: 'active' | 'suspended'; kind?: TenantKind; name?: string } = {},
  ): Promise<Tenant> {
    return this.seeder.tenant({
      slug,
      name: `Dinas Uji ${slug}`,
      shortName: `Uji ${slug}`.slice(0, 60),
      kind: 'dinas',
      ...extra,
    });
  }

  user(options: { platformRole?: PlatformRole; email?: string } = {}): Promise<User> {
    const email = options.email ?? `user-${unique()}@laman.example`;
    return this.seeder.user({
      email,
      name: `Pengguna ${email}`,
      password: TEST_PASSWORD,
      ...(options.platformRole ? { platformRole: options.platformRole } : {}),
    });
  }

  async member(tenant: Tenant, role: TenantRole): Promise<User> {
    const user = await this.user();
    await this.seeder.member(tenant, user, role);
    return user;
  }

  async signedIn(user: User): Promise<SignedIn> {
    const response = await this.http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    if (response.status !== 200)
      throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    const body = response.body as { accessToken: string; refreshToken: string };
    return { user, email: user.email, ...body, auth: { Authorization: `Bearer ${body.accessToken}` } };
  }

  async memberSignedIn(tenant: Tenant, role: TenantRole): Promise<SignedIn> {
    return this.signedIn(await this.member(tenant, role));
  }

  async platformSignedIn(role: PlatformRole): Promise<SignedIn> {
    return this.signedIn(await this.user({ platformRole: role }));
  }
}

export function unique(): string {
  return randomBytes(4).toString('hex');
}

/** A user as the principal a service sees (for tests that call a service as a signed-in person would). */
export function principalOf(user: User): Principal {
  return {
    userId: user.id,
    sessionId: 'uji',
    email: user.email,
    name: user.name,
    platformRole: user.platformRole,
  };
}
