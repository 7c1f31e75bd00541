import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { SiteChangeNotifier } from '../../core/database/site-change-notifier';
import { DomainError } from '../../core/errors/domain-error';

export interface PublicTenant {
  id: string;
  slug: string;
  name: string;
  short_name: string;
  kind: string;
  custom_domain: string | null;
  content_version: string;
  last_published_at: Date | null;
}

/** A safety net only: changes evict entries at once through SiteChangeNotifier. */
const TTL_MS = 30_000;

/**
 * Active tenants by slug, with their public content version, kept in memory so that a cached public
 * response costs no database round trip. Any site change, suspension or edit of a tenant evicts it on every
 * instance (NOTIFY), and on this instance right after the commit.
 */
@Injectable()
export class PublicTenants {
  private readonly bySlug = new Map<string, { tenant: PublicTenant; loadedAt: number }>();
  /** Bumped on every change to any tenant: the key of the city-wide directory. */
  private generation = 0;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteChangeNotifier) notifier: SiteChangeNotifier,
  ) {
    notifier.subscribe((tenantId) => this.evict(tenantId));
  }

  async active(slug: string): Promise<PublicTenant> {
    const cached = this.bySlug.get(slug);
    if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached.tenant;
    // A change committed while this read was in flight evicts nothing yet: remember the generation, and keep
    // the row only if no eviction happened meanwhile (else it may predate the change).
    const generation = this.generation;
    const rows: PublicTenant[] = await this.db.platformQuery(
      `SELECT id, slug, name, short_name, kind, custom_domain, content_version, last_published_at
         FROM tenants WHERE slug = $1 AND status = 'active'`,
      [slug],
    );
    const tenant = rows[0];
    if (!tenant) {
      this.bySlug.delete(slug);
      throw new DomainError('TENANT_NOT_FOUND', `Situs OPD "${slug}" tidak ditemukan`);
    }
    if (generation === this.generation) this.bySlug.set(slug, { tenant, loadedAt: Date.now() });
    return tenant;
  }

  get directoryGeneration(): number {
    return this.generation;
  }

  private evict(tenantId: string): void {
    this.generation++;
    if (tenantId === '*') return this.bySlug.clear();
    for (const [slug, entry] of this.bySlug) if (entry.tenant.id === tenantId) this.bySlug.delete(slug);
  }
}
