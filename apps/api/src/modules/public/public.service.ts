import { Inject, Injectable } from '@nestjs/common';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { MediaReferences } from '../media/media-references';
import { DomainError } from '../../core/errors/domain-error';
import { type PublicTenant, PublicTenants } from './public-tenants';
import { SiteSettingsService } from '../site-settings/site-settings.service';
import { type CachedResponse, PublicCache } from './public-cache';
import { PublicContentRepository } from './public-content.repository';
import { type PublicListQueryDto, type PublicSearchQueryDto, type PublicTenantDto } from './public.dto';

/** The anonymous read side: only active tenants, only the published projection, cached per content version. */
@Injectable()
export class PublicService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PublicContentRepository) private readonly content: PublicContentRepository,
    @Inject(SiteSettingsService) private readonly settings: SiteSettingsService,
    @Inject(PublicCache) private readonly cache: PublicCache,
    @Inject(PublicTenants) private readonly publicTenants: PublicTenants,
    @Inject(MediaReferences) private readonly mediaReferences: MediaReferences,
  ) {}

  tenants(): Promise<CachedResponse> {
    return this.cache.getOrCompute(`tenants:${this.publicTenants.directoryGeneration}`, null, async () => {
      return (await this.publicTenants.allActive()).map(toPublicTenant);
    });
  }

  site(slug: string): Promise<CachedResponse> {
    return this.respond(slug, 'site', (tenant) =>
      this.db.inTenant(tenant.id, async (tx) => ({
        tenant: toPublicTenant(tenant),
        settings: (await this.withMedia(tx, tenant, [(await this.settings.read(tx)).settings]))[0],
        profilePages: await this.content.profilePages(tx),
        urgentAnnouncements: (
          await this.content.list(tx, {
            type: 'pengumuman',
            urgent: true,
            page: 1,
            pageSize: 10,
            sort: 'newest',
          })
        ).items,
      })),
    );
  }

  /** The whole published site of one OPD in one answer: what the static site builder renders. */
  snapshot(slug: string, bodies: 'all' | 'none' = 'all'): Promise<CachedResponse> {
    return this.respond(slug, `snapshot:${bodies}`, (tenant) =>
      this.db.inTenant(tenant.id, (tx) => this.snapshotIn(tx, tenant, bodies)),
    );
  }

  /** The snapshot as a transaction sees it (a preview reads it with a draft projected, then rolls back). */
  async snapshotIn(
    tx: TenantTransaction,
    tenant: PublicTenant,
    bodies: 'all' | 'none' = 'all',
  ): Promise<object> {
    return {
      tenant: toPublicTenant(tenant),
      contentVersion: Number(tenant.content_version),
      settings: (await this.withMedia(tx, tenant, [(await this.settings.read(tx)).settings]))[0],
      profilePages: await this.content.profilePages(tx),
      items: await this.withMedia(tx, tenant, await this.content.everything(tx, bodies)),
    };
  }

  /** An active tenant's public identity (throws TENANT_NOT_FOUND otherwise). */
  activeTenant(slug: string): Promise<PublicTenant> {
    return this.publicTenants.active(slug);
  }

  list(slug: string, query: PublicListQueryDto): Promise<CachedResponse> {
    return this.respond(slug, `list:${stableKey(query)}`, (tenant) =>
      this.db.inTenant(tenant.id, async (tx) => ({
        ...(await this.content.list(tx, query)),
        page: query.page,
        pageSize: query.pageSize,
      })),
    );
  }

  item(slug: string, type: string, itemSlug: string): Promise<CachedResponse> {
    return this.respond(slug, `item:${type}:${itemSlug}`, async (tenant) => {
      const item = await this.db.inTenant(tenant.id, async (tx) => {
        const found = await this.content.bySlug(tx, type, itemSlug);
        return found && (await this.withMedia(tx, tenant, [found]))[0];
      });
      if (!item) throw new DomainError('CONTENT_NOT_FOUND', 'Konten tidak ditemukan');
      return item;
    });
  }

  search(slug: string, query: PublicSearchQueryDto): Promise<CachedResponse> {
    return this.respond(slug, `search:${stableKey(query)}`, (tenant) =>
      this.db.inTenant(tenant.id, async (tx) => ({
        ...(await this.content.search(tx, query.q, query.type, query.page, query.pageSize)),
        page: query.page,
        pageSize: query.pageSize,
      })),
    );
  }

  private withMedia<T>(tx: TenantTransaction, tenant: PublicTenant, values: T[]): Promise<T[]> {
    return this.mediaReferences.expand(tx, tenant.slug, values);
  }

  private async respond(
    slug: string,
    key: string,
    compute: (tenant: PublicTenant) => Promise<unknown>,
  ): Promise<CachedResponse> {
    const tenant = await this.publicTenants.active(slug);
    return this.cache.getOrCompute(
      `${tenant.id}:${tenant.content_version}:${key}`,
      tenant.last_published_at,
      () => compute(tenant),
    );
  }
}

function toPublicTenant(row: Omit<PublicTenant, 'id' | 'content_version'>): PublicTenantDto {
  return {
    slug: row.slug,
    formerSlugs: row.former_slugs,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    domain: row.custom_domain,
    lastPublishedAt: row.last_published_at,
  };
}

function stableKey(query: object): string {
  return JSON.stringify(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
