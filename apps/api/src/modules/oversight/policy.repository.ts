import { type EntityManager } from 'typeorm';
import { SiteScoresRepository } from './site-scores.repository';
import { type CityPolicy, DEFAULT_POLICY, type TenantPolicyOverride } from './policy';

/** The city's oversight policy (one row; the defaults until a platform admin saves one) and OPDs' overrides. */
export class PolicyRepository {
  async city(manager: EntityManager): Promise<{ policy: CityPolicy; updatedAt: Date | null }> {
    const rows: Array<{ policy: CityPolicy; updated_at: Date }> = await manager.query(
      `SELECT policy, updated_at FROM oversight_policy WHERE id`,
    );
    return rows[0]
      ? { policy: { ...DEFAULT_POLICY, ...rows[0].policy }, updatedAt: rows[0].updated_at }
      : { policy: DEFAULT_POLICY, updatedAt: null };
  }

  async saveCity(manager: EntityManager, policy: CityPolicy, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO oversight_policy (id, policy, updated_by) VALUES (true, $1, $2)
       ON CONFLICT (id) DO UPDATE SET policy = EXCLUDED.policy, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [JSON.stringify(policy), userId],
    );
  }

  async saveOverride(
    manager: EntityManager,
    tenantId: string,
    override: TenantPolicyOverride | null,
  ): Promise<void> {
    await manager.query(`UPDATE tenants SET oversight_policy = $2 WHERE id = $1`, [
      tenantId,
      override ? JSON.stringify(override) : null,
    ]);
  }

  /** A policy change moves scores without any content changing: the kept scores are due again. */
  rescore(manager: EntityManager, tenantId?: string): Promise<void> {
    return new SiteScoresRepository().expire(manager, tenantId);
  }
}
