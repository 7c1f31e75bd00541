import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain-error';
import { type PublicTenant, PublicTenants } from './public-tenants';

/** Where a renamed OPD's old site address (`<former slug>.<city domain>`) now lives. */
@Injectable()
export class SiteAddresses {
  private readonly domain: string;

  constructor(
    @Inject(PublicTenants) private readonly tenants: PublicTenants,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.domain = config.sites.domain;
  }

  /**
   * The active OPD whose site answers at `host`: `<slug>.<city domain>` (or `<slug>.localhost`, as `pnpm start`
   * serves sites), else its custom domain. Which OPD a citizen's form goes to is no secret: the host only
   * picks it, as the slug does in the public API's own routes.
   */
  async tenantAt(host: string): Promise<PublicTenant> {
    const tenant = await this.siteAt(host);
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', `Tidak ada situs OPD di ${host}`);
    return tenant;
  }

  /** The active OPD whose site is at `host`, or null when none is (a fault is thrown, not read as "none"). */
  async siteAt(host: string): Promise<PublicTenant | null> {
    const name = host.toLowerCase().replace(/:\d+$/, '');
    const label = [`.${this.domain}`, '.localhost']
      .filter((suffix) => name.endsWith(suffix))
      .map((suffix) => name.slice(0, -suffix.length))
      .find((prefix) => /^[a-z0-9-]{1,63}$/.test(prefix));
    if (label) return this.tenants.activeOrNull(label);
    return /^[a-z0-9.-]{1,253}$/.test(name) ? this.tenants.activeByDomain(name) : null;
  }

  async movedTo(host: string, path: string, proto: 'http' | 'https'): Promise<string> {
    const former = host.toLowerCase().endsWith(`.${this.domain}`)
      ? host.slice(0, -(this.domain.length + 1)).toLowerCase()
      : null;
    const tenant = former && !former.includes('.') ? await this.tenants.activeOrNull(former) : null;
    if (!tenant || tenant.slug === former) {
      throw new DomainError('NOT_FOUND', `Tidak ada situs di ${host}`);
    }
    const current = tenant.custom_domain ?? `${tenant.slug}.${this.domain}`;
    return `${proto}://${current}${path.startsWith('/') ? path : `/${path}`}`;
  }
}
