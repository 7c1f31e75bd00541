import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { type PlatformRole } from '../../core/access/roles';
import { containsPattern } from '../../core/database/like-pattern';
import { User, type UserStatus } from './user.entity';

export interface UserWithPassword extends User {
  passwordHash: string | null;
}

/** Users are platform-wide rows (one person, many OPDs); tenant access lives in memberships. */
@Injectable()
export class UsersRepository {
  findById(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).findOne({ where: { id } });
  }

  /** Names by id, for saying who did something (revisions, the audit log); absent ids are skipped. */
  async namesOf(manager: EntityManager, ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await manager
      .getRepository(User)
      .find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  findByEmail(manager: EntityManager, email: string): Promise<User | null> {
    return manager.getRepository(User).findOne({ where: { email: normalizeEmail(email) } });
  }

  /** The password hash is not selected by default; only sign-in and password change ask for it. */
  findWithPassword(
    manager: EntityManager,
    where: { email: string } | { id: string },
  ): Promise<UserWithPassword | null> {
    const query = manager.getRepository(User).createQueryBuilder('user').addSelect('user.passwordHash');
    if ('email' in where) query.where('user.email = :email', { email: normalizeEmail(where.email) });
    else query.where('user.id = :id', { id: where.id });
    return query.getOne() as Promise<UserWithPassword | null>;
  }

  list(
    manager: EntityManager,
    filter: { q?: string; platformRole: 'any' | PlatformRole; limit: number; offset: number },
  ): Promise<[User[], number]> {
    const query = manager.getRepository(User).createQueryBuilder('user').orderBy('user.name', 'ASC');
    if (filter.platformRole !== 'any')
      query.andWhere('user.platformRole = :role', { role: filter.platformRole });
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      query.andWhere('(user.name ILIKE :pattern OR user.email ILIKE :pattern)', { pattern });
    }
    return query.take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  /** Locks the active platform admins' rows, so two concurrent demotions cannot both see "another admin". */
  async lockActivePlatformAdmins(manager: EntityManager): Promise<number> {
    const rows: unknown[] = await manager.query(
      `SELECT id FROM users WHERE platform_role = 'platform_admin' AND status = 'active' ORDER BY id FOR UPDATE`,
    );
    return rows.length;
  }

  create(
    manager: EntityManager,
    values: {
      email: string;
      name: string;
      status: UserStatus;
      passwordHash?: string | null;
      platformRole?: PlatformRole | null;
    },
  ): Promise<User> {
    const repository = manager.getRepository(User);
    return repository.save(
      repository.create({
        ...values,
        email: normalizeEmail(values.email),
        passwordChangedAt: values.passwordHash ? new Date() : null,
      }),
    );
  }

  async setPassword(
    manager: EntityManager,
    id: string,
    passwordHash: string,
    activate = false,
  ): Promise<void> {
    await manager.getRepository(User).update(
      { id },
      {
        passwordHash,
        passwordChangedAt: new Date(),
        ...(activate ? { status: 'active' } : {}),
      },
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    patch: Partial<Pick<User, 'name' | 'status' | 'platformRole'>>,
  ): Promise<void> {
    await manager.getRepository(User).update({ id }, patch);
  }

  async recordSuccessfulLogin(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(User).update({ id }, { lastLoginAt: new Date() });
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
