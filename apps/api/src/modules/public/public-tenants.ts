import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { SiteChangeNotifier } from '../../core/database/site-change-notifier';
import { DomainError } from '../../core/errors/domain-error';

export interface PublicTenant {
  id: string;
  slug: string;
  former_slugs: string[];
  name: string;
  short_name: string;
  kind: string;
  custom_domain: string | null;
  content_version: string;
  last_published_at: Date | null;
}

/**
 * Active tenants by slug with their public content version, read on every public request (one indexed
 * single-row query): the version is the key of every cached public answer, so reading it fresh makes a
 * stale answer impossible after any committed change, on any instance.
 */
@Injectable()
export class PublicTenants {
  /** Bumped on every change to any tenant: the key of the city-wide directory. */
  private generation = 0;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteChangeNotifier) notifier: SiteChangeNotifier,
  ) {
    notifier.subscribe(() => this.generation++);
  }

  async active(slug: string): Promise<PublicTenant> {
    const tenant = await this.activeOrNull(slug);
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', `Situs OPD "${slug}" tidak ditemukan`);
    return tenant;
  }

  /** Every active OPD, by name. */
  allActive(): Promise<PublicTenant[]> {
    return this.db.platformQuery(
      `SELECT id, slug, former_slugs, name, short_name, kind, custom_domain, content_version, last_published_at
         FROM tenants WHERE status = 'active' ORDER BY name`,
    );
  }

  /** By its slug or a former one (a renamed OPD keeps its old addresses). */
  async activeOrNull(slug: string): Promise<PublicTenant | null> {
    const rows: PublicTenant[] = await this.db.platformQuery(
      `SELECT id, slug, former_slugs, name, short_name, kind, custom_domain, content_version, last_published_at
         FROM tenants WHERE (slug = $1 OR $1 = ANY(former_slugs)) AND status = 'active'`,
      [slug],
    );
    return rows[0] ?? null;
  }

  get directoryGeneration(): number {
    return this.generation;
  }
}
