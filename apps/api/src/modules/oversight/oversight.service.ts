import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { PublicContentRepository } from '../public/public-content.repository';
import { SiteSettingsService } from '../site-settings/site-settings.service';
import { TenantsRepository } from '../tenants/tenants.repository';
import { type Tenant } from '../tenants/tenant.entity';
import { assess, type Completeness, DAY_MS, type SiteFacts } from './completeness';

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
  ) {}

  async forTenant(tenantId: string, now = new Date()): Promise<TenantCompleteness> {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    if (!tenant) throw new Error(`Tenant ${tenantId} not found`);
    return this.score(tenant, now);
  }

  /** Every active OPD, lowest score first. */
  async overview(now = new Date()): Promise<TenantCompleteness[]> {
    const tenants = await this.db.inPlatform((manager) => this.tenants.listActive(manager));
    const scored: TenantCompleteness[] = [];
    for (const tenant of tenants) scored.push(await this.score(tenant, now));
    return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  }

  private async score(tenant: Tenant, now: Date): Promise<TenantCompleteness> {
    const facts = await this.db.inTenant(tenant.id, async (tx) => ({
      contact: ((await this.settings.read(tx)).settings.contact ?? {}) as SiteFacts['contact'],
      items: await this.content.everything(tx),
    }));
    const last = tenant.lastPublishedAt;
    return {
      tenantId: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      kind: tenant.kind,
      lastPublishedAt: last,
      daysSinceUpdate: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null,
      ...assess(facts, now),
    };
  }
}
