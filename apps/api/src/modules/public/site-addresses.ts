import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain-error';
import { PublicTenants } from './public-tenants';

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
