import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A transaction in which row-level security shows exactly one tenant's rows. */
export class TenantTransaction {
  constructor(
    readonly tenantId: string,
    readonly manager: EntityManager,
  ) {
    if (!tenantId) throw new Error('A tenant transaction needs a tenant id');
  }

  /**
   * Runs once the transaction has committed, before the caller gets its answer (never if it rolls back): for
   * in-process cache invalidation, so this instance never answers from a cache the commit made stale.
   */
  afterCommit(hook: () => void): void {
    const hooks = committedHooks.get(this.manager);
    if (!hooks) throw new Error('afterCommit outside a transaction opened by Database');
    hooks.push(hook);
  }
}

/** Hooks of each open transaction, by its entity manager (a transaction entered by enterTenant shares it). */
const committedHooks = new WeakMap<EntityManager, Array<() => void>>();

const SET_SCOPE = `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`;

/**
 * The only way services reach PostgreSQL. Every transaction states its scope up front; the settings are
 * transaction-local (`set_config(..., true)`), so a pooled connection never carries a tenant over.
 */
@Injectable()
export class Database {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Work on one tenant's data. Tenant-owned tables show and accept only that tenant's rows. */
  inTenant<T>(
    tenantId: string,
    work: (tx: TenantTransaction) => Promise<T>,
    actingUserId?: string,
  ): Promise<T> {
    return this.transaction([tenantId, actingUserId ?? ''], (manager) =>
      work(new TenantTransaction(tenantId, manager)),
    );
  }

  /** Work on platform tables (tenants, users, sessions). Tenant-owned tables show nothing here. */
  inPlatform<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transaction(['', ''], work);
  }

  /** Like inPlatform, plus the user's own memberships in every tenant (read-only, by policy). */
  asUser<T>(userId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transaction(['', userId], work);
  }

  /**
   * Narrows an open platform transaction to one tenant, so a change that spans a platform table and one
   * tenant's rows (accepting an invitation) commits or rolls back as one.
   */
  async enterTenant(manager: EntityManager, tenantId: string): Promise<TenantTransaction> {
    await manager.query(SET_SCOPE, [tenantId, '']);
    return new TenantTransaction(tenantId, manager);
  }

  /**
   * A single statement on a platform table outside any transaction (one round trip, for hot public reads).
   * No tenant is set on the connection, so tenant-owned tables show nothing here.
   */
  platformQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  /** One transaction with its scope set first; its after-commit hooks run once COMMIT has returned. */
  private async transaction<T>(
    scope: [string, string],
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    let hooks: Array<() => void> = [];
    const result = await this.dataSource.transaction(async (manager) => {
      hooks = [];
      committedHooks.set(manager, hooks);
      await manager.query(SET_SCOPE, scope);
      return work(manager);
    });
    for (const hook of hooks) hook();
    return result;
  }

  async ping(): Promise<number> {
    const started = performance.now();
    await this.dataSource.query('SELECT 1');
    return Math.round((performance.now() - started) * 10) / 10;
  }
}
