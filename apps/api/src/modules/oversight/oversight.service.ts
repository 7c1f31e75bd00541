import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { PublicContentRepository } from '../public/public-content.repository';
import { SiteSettingsService } from '../site-settings/site-settings.service';
import { TenantsRepository } from '../tenants/tenants.repository';
import { type Tenant } from '../tenants/tenant.entity';
import { assess, type Check, type Completeness, DAY_MS, type SiteFacts } from './completeness';
import { type CityPolicy, effectivePolicy } from './policy';
import { PolicyService } from './policy.service';

export interface TenantCompleteness extends Completeness {
  tenantId: string;
  slug: string;
  name: string;
  kind: string;
  lastPublishedAt: Date | null;
  /** Whole days since the OPD last published (null: never). */
  daysSinceUpdate: number | null;
}

/**
 * Scores each OPD's public site from what citizens can see now (the published projection and the site
 * settings), read in that tenant's own scope. Computed on request: it is cheap, and always current.
 */
@Injectable()
export class OversightService {
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PublicContentRepository) private readonly content: PublicContentRepository,
    @Inject(SiteSettingsService) private readonly settings: SiteSettingsService,
    @Inject(PolicyService) private readonly policies: PolicyService,
  ) {}

  async forTenant(tenantId: string, now = new Date()): Promise<TenantCompleteness> {
    const { tenant, policy } = await this.tenantAndPolicy(tenantId);
    return this.describe(tenant, now, assess(await this.facts(tenant), now, policy));
  }

  /**
   * One OPD's score now, and what it still meets now but will not in `days` (news going stale, a deadline
   * passing): the same assessment a week ahead, with the same content.
   */
  async outlook(
    tenantId: string,
    now: Date,
    days: number,
  ): Promise<TenantCompleteness & { dueSoon: Check[] }> {
    const { tenant, policy } = await this.tenantAndPolicy(tenantId);
    const facts = await this.facts(tenant);
    const current = this.describe(tenant, now, assess(facts, now, policy));
    const later = assess(facts, new Date(now.getTime() + days * DAY_MS), policy);
    const metNow = new Set(current.checks.filter((check) => check.met).map((check) => check.code));
    return { ...current, dueSoon: later.checks.filter((check) => !check.met && metNow.has(check.code)) };
  }

  /** Every active OPD, lowest score first. */
  async overview(now = new Date()): Promise<TenantCompleteness[]> {
    const tenants = await this.db.inPlatform((manager) => this.tenants.listActive(manager));
    const city = await this.policies.cityPolicy();
    const scored: TenantCompleteness[] = [];
    for (const tenant of tenants) scored.push(await this.score(tenant, now, city));
    return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  }

  private async score(tenant: Tenant, now: Date, city: CityPolicy): Promise<TenantCompleteness> {
    const facts = await this.facts(tenant);
    return this.describe(tenant, now, assess(facts, now, effectivePolicy(city, tenant.oversightPolicy)));
  }

  /** The OPD and the policy it is held to: the city's, with its own differences. */
  private async tenantAndPolicy(tenantId: string): Promise<{ tenant: Tenant; policy: CityPolicy }> {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    if (!tenant) throw new Error(`Tenant ${tenantId} not found`);
    return { tenant, policy: effectivePolicy(await this.policies.cityPolicy(), tenant.oversightPolicy) };
  }

  private facts(tenant: Tenant): Promise<SiteFacts> {
    return this.db.inTenant(tenant.id, async (tx) => ({
      contact: ((await this.settings.read(tx)).settings.contact ?? {}) as SiteFacts['contact'],
      items: await this.content.everything(tx),
    }));
  }

  private describe(tenant: Tenant, now: Date, completeness: Completeness): TenantCompleteness {
    const last = tenant.lastPublishedAt;
    return {
      tenantId: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      kind: tenant.kind,
      lastPublishedAt: last,
      daysSinceUpdate: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null,
      ...completeness,
    };
  }
}
