import { Inject, Injectable } from '@nestjs/common';
import { type Principal } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { SiteBuildQueue } from '../../core/queue/site-build-queue';
import { TenantsRepository } from '../tenants/tenants.repository';
import {
  CHECK_CODES,
  CHECK_LABELS,
  CHECK_WEIGHTS,
  type CityPolicy,
  DEFAULT_POLICY,
  effectivePolicy,
  type TenantPolicyOverride,
} from './policy';
import { PolicyRepository } from './policy.repository';
import { type CityPolicyViewDto, type TenantPolicyViewDto } from './policy.dto';

/** Platform admins set what the city expects; saving one rescores the OPDs it touches. */
@Injectable()
export class PolicyService {
  private readonly policies = new PolicyRepository();
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteBuildQueue) private readonly queue: SiteBuildQueue,
  ) {}

  cityPolicy(): Promise<CityPolicy> {
    return this.db.inPlatform(async (manager) => (await this.policies.city(manager)).policy);
  }

  async viewCity(): Promise<CityPolicyViewDto> {
    const { policy, updatedAt } = await this.db.inPlatform((manager) => this.policies.city(manager));
    const checks = CHECK_CODES.map((code) => ({
      code,
      weight: CHECK_WEIGHTS[code]!,
      label: CHECK_LABELS[code]!,
    }));
    return { policy, defaults: DEFAULT_POLICY, updatedAt, checks };
  }

  async saveCity(policy: CityPolicy, actor: Principal): Promise<CityPolicyViewDto> {
    const before = await this.cityPolicy();
    await this.db.inPlatform(async (manager) => {
      await this.policies.saveCity(manager, normalised(policy), actor.userId);
      await this.policies.rescore(manager);
    });
    // The portal's transparency page appears or goes away with the setting.
    if (before.publicTransparency !== policy.publicTransparency)
      await this.queue.enqueuePortal('policy.changed');
    return this.viewCity();
  }

  async viewTenant(tenantId: string): Promise<TenantPolicyViewDto> {
    return this.db.inPlatform(async (manager) => {
      const tenant = await this.tenants.findById(manager, tenantId);
      if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
      const { policy } = await this.policies.city(manager);
      return { override: tenant.oversightPolicy, effective: effectivePolicy(policy, tenant.oversightPolicy) };
    });
  }

  async saveTenant(tenantId: string, override: TenantPolicyOverride): Promise<TenantPolicyViewDto> {
    await this.db.inPlatform(async (manager) => {
      if (!(await this.tenants.findById(manager, tenantId)))
        throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
      await this.policies.saveOverride(manager, tenantId, isEmpty(override) ? null : override);
      await this.policies.rescore(manager, tenantId);
    });
    return this.viewTenant(tenantId);
  }
}

/** Required checks in the catalogue's order, so a saved policy reads the same however it was sent. */
function normalised(policy: CityPolicy): CityPolicy {
  const required = new Set(policy.required);
  return { ...policy, required: CHECK_CODES.filter((code) => required.has(code)) };
}

function isEmpty(override: TenantPolicyOverride): boolean {
  return Object.values(override).every(
    (value) => value === undefined || (Array.isArray(value) && value.length === 0),
  );
}
