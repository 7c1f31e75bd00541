import { Injectable } from '@nestjs/common';
import { Brackets, type EntityManager, In } from 'typeorm';
import { containsPattern } from '../../core/database/like-pattern';
import { Tenant, type TenantKind, type TenantStatus } from './tenant.entity';

export interface TenantFilter {
  status?: TenantStatus;
  kind?: TenantKind;
  q?: string;
  limit: number;
  offset: number;
}

/** Tenants are the platform's own rows (the OPD directory), not tenant-owned data. */
@Injectable()
export class TenantsRepository {
  findById(manager: EntityManager, id: string): Promise<Tenant | null> {
    return manager.getRepository(Tenant).findOne({ where: { id } });
  }

  findBySlug(manager: EntityManager, slug: string): Promise<Tenant | null> {
    return manager.getRepository(Tenant).findOne({ where: { slug } });
  }

  /** Whether the OPD requires a second editor: for publishing, and for changing files live content uses. */
  async requiresSecondEditor(manager: EntityManager, id: string): Promise<boolean> {
    const rows: Array<{ require_second_editor: boolean }> = await manager.query(
      `SELECT require_second_editor FROM tenants WHERE id = $1`,
      [id],
    );
    return rows[0]?.require_second_editor ?? false;
  }

  /** Whether a slug is used, now or before a rename, by an OPD other than `exceptId`. */
  async isSlugTaken(manager: EntityManager, slug: string, exceptId?: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM tenants WHERE (slug = $1 OR $1 = ANY(former_slugs)) AND id IS DISTINCT FROM $2::uuid`,
      [slug, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async isDomainTaken(manager: EntityManager, domain: string, exceptId?: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM tenants WHERE lower(custom_domain) = lower($1) AND id IS DISTINCT FROM $2::uuid`,
      [domain, exceptId ?? null],
    );
    return rows.length > 0;
  }

  list(manager: EntityManager, filter: TenantFilter): Promise<[Tenant[], number]> {
    const query = manager.getRepository(Tenant).createQueryBuilder('t').orderBy('t.name', 'ASC');
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('t.kind = :kind', { kind: filter.kind });
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      query.andWhere(
        new Brackets((q) =>
          q
            .where('t.name ILIKE :pattern', { pattern })
            .orWhere('t.short_name ILIKE :pattern')
            .orWhere('t.slug ILIKE :pattern')
            .orWhere(`array_to_string(t.former_names, ' ') ILIKE :pattern`),
        ),
      );
    }
    return query.take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  /**
   * A page of active OPDs for the platform's sites page: those whose latest finished build failed or was held
   * first (`site_status`, kept by a trigger on the builds), then by name; with how many match and how many are
   * troubled in the whole city.
   */
  async sitePage(
    manager: EntityManager,
    filter: { q?: string; troubledOnly?: boolean; limit: number; offset: number },
  ): Promise<{ tenants: Array<Pick<Tenant, 'id' | 'slug' | 'name'>>; total: number; troubled: number }> {
    const troubled = `t.site_status IN ('failed', 'held')`;
    const where = `t.status = 'active' AND ($1::text IS NULL OR t.name ILIKE $1 OR t.slug ILIKE $1)
      AND (NOT $2 OR ${troubled})`;
    const params = [filter.q ? containsPattern(filter.q) : null, filter.troubledOnly ?? false];
    const [counts] = await manager.query(
      `SELECT count(*) FILTER (WHERE ${where})::int AS total,
              count(*) FILTER (WHERE t.status = 'active' AND ${troubled})::int AS troubled FROM tenants t`,
      params,
    );
    const tenants = await manager.query(
      `SELECT t.id, t.slug, t.name FROM tenants t WHERE ${where}
        ORDER BY (${troubled}) DESC, t.name, t.id LIMIT $3 OFFSET $4`,
      [...params, filter.limit, filter.offset],
    );
    return { tenants, total: counts.total, troubled: counts.troubled };
  }

  /** The active OPDs among these slugs, by name. */
  findActiveBySlugs(manager: EntityManager, slugs: string[]): Promise<Tenant[]> {
    if (!slugs.length) return Promise.resolve([]);
    return manager
      .getRepository(Tenant)
      .find({ where: { slug: In(slugs), status: 'active' }, order: { name: 'ASC' } });
  }

  /** Every active OPD, by name (the city has tens, not thousands). */
  async listActive(manager: EntityManager): Promise<Tenant[]> {
    return manager.getRepository(Tenant).find({ where: { status: 'active' }, order: { name: 'ASC' } });
  }

  insert(
    manager: EntityManager,
    values: Partial<Tenant> & Pick<Tenant, 'id' | 'slug' | 'name' | 'shortName' | 'kind'>,
  ): Promise<Tenant> {
    const repository = manager.getRepository(Tenant);
    return repository.save(
      repository.create({ status: 'active', formerNames: [], requireSecondEditor: false, ...values }),
    );
  }

  async update(manager: EntityManager, id: string, patch: Partial<Tenant>): Promise<Tenant> {
    await manager.getRepository(Tenant).update({ id }, patch);
    return manager.getRepository(Tenant).findOneOrFail({ where: { id } });
  }
}
