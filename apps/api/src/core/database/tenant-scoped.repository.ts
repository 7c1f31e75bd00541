import {
  type DeepPartial,
  type EntityTarget,
  type FindOptionsOrder,
  type FindOptionsWhere,
  type Repository,
} from 'typeorm';
import { type TenantTransaction } from './database.service';

export interface TenantOwned {
  tenantId: string;
}

/** A filter on a tenant-owned entity that does not (and may not) name the tenant itself. */
export type TenantFreeWhere<E> = Omit<FindOptionsWhere<E>, 'tenantId'>;

export interface ListOptions<E> {
  order?: FindOptionsOrder<E>;
  take?: number;
  skip?: number;
}

/**
 * Persistence for tenant-owned rows. Every method takes the tenant transaction first and adds the tenant
 * to the query itself; a filter that names the tenant, or holds an `undefined` (which TypeORM would drop,
 * widening the query), is refused. Row-level security stands behind this as the second lock.
 */
export abstract class TenantScopedRepository<E extends TenantOwned> {
  protected constructor(private readonly target: EntityTarget<E>) {}

  async find(
    tx: TenantTransaction,
    where: TenantFreeWhere<E> = {} as TenantFreeWhere<E>,
    options: ListOptions<E> = {},
  ): Promise<E[]> {
    return this.repository(tx).find({ where: this.scoped(tx, where), ...options });
  }

  async findOne(tx: TenantTransaction, where: TenantFreeWhere<E>): Promise<E | null> {
    return this.repository(tx).findOne({ where: this.scoped(tx, where) });
  }

  async count(tx: TenantTransaction, where: TenantFreeWhere<E> = {} as TenantFreeWhere<E>): Promise<number> {
    return this.repository(tx).count({ where: this.scoped(tx, where) });
  }

  async insert(tx: TenantTransaction, values: Omit<DeepPartial<E>, 'tenantId'>): Promise<E> {
    const repository = this.repository(tx);
    const entity = repository.create({ ...values, tenantId: tx.tenantId } as DeepPartial<E>);
    return repository.save(entity);
  }

  async update(
    tx: TenantTransaction,
    where: TenantFreeWhere<E>,
    patch: Omit<DeepPartial<E>, 'tenantId'>,
  ): Promise<number> {
    const result = await this.repository(tx).update(this.scoped(tx, where), patch as never);
    return result.affected ?? 0;
  }

  protected repository(tx: TenantTransaction): Repository<E> {
    return tx.manager.getRepository(this.target);
  }

  protected scoped(tx: TenantTransaction, where: TenantFreeWhere<E>): FindOptionsWhere<E> {
    if ('tenantId' in where)
      throw new Error('Tenant-scoped queries take the tenant from the transaction only');
    for (const [key, value] of Object.entries(where)) {
      if (value === undefined) throw new Error(`Filter "${key}" is undefined: refusing an unscoped query`);
    }
    return { ...where, tenantId: tx.tenantId } as FindOptionsWhere<E>;
  }
}
