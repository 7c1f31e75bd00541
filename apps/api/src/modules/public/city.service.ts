import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { type PublicTenant, PublicTenants } from './public-tenants';
import { type CachedResponse, PublicCache } from './public-cache';
import { type CityItemRow, CityItemsRepository } from './city-items.repository';
import { type CityServiceDto, type CitySnapshotDto, type CityStoryDto } from './city.dto';

/** The portal's front page lists this many news items across the city; each OPD contributes its newest. */
const CITY_NEWS = 30;

/**
 * The city portal's data in one answer: every active OPD, the city's latest news, urgent announcements and
 * every service, read from `city_items` (public content, mirrored as it is published) in a few queries however
 * many OPDs there are; cached until any active OPD's published content changes.
 */
@Injectable()
export class CityService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CityItemsRepository) private readonly items: CityItemsRepository,
    @Inject(PublicTenants) private readonly publicTenants: PublicTenants,
    @Inject(PublicCache) private readonly cache: PublicCache,
  ) {}

  async snapshot(): Promise<CachedResponse> {
    const tenants = await this.publicTenants.allActive();
    const version = tenants.map((tenant) => `${tenant.id}:${tenant.content_version}`).join(',');
    const lastPublished = tenants.reduce<Date | null>(
      (latest, tenant) =>
        tenant.last_published_at && (!latest || tenant.last_published_at > latest)
          ? tenant.last_published_at
          : latest,
      null,
    );
    return this.cache.getOrCompute(
      `city:${this.publicTenants.directoryGeneration}:${version}`,
      lastPublished,
      () => this.compute(tenants),
    );
  }

  private async compute(tenants: PublicTenant[]): Promise<CitySnapshotDto> {
    const [newest, others] = await this.db.inPlatform((manager) =>
      Promise.all([this.items.newestNews(manager, CITY_NEWS), this.items.urgentAndServices(manager)]),
    );
    const slugOf = new Map(tenants.map((tenant) => [tenant.id, tenant.slug]));
    // Only OPDs in this answer's directory (one that went inactive meanwhile is left out of both).
    const known = (row: CityItemRow) => slugOf.has(row.tenantId);
    const news = newest.filter(known).map((row) => toStory(slugOf.get(row.tenantId)!, row));
    const announcements = others
      .filter((row) => known(row) && row.type === 'pengumuman')
      .map((row) => toStory(slugOf.get(row.tenantId)!, row));
    const services = others
      .filter((row) => known(row) && row.type === 'layanan')
      .map((row) => toService(slugOf.get(row.tenantId)!, row));
    const servicesOf = new Map<string, number>();
    for (const service of services) servicesOf.set(service.tenant, (servicesOf.get(service.tenant) ?? 0) + 1);
    const newestFirst = (a: CityStoryDto, b: CityStoryDto) =>
      b.publishedAt.getTime() - a.publishedAt.getTime();
    return {
      tenants: tenants.map((tenant) => ({
        slug: tenant.slug,
        name: tenant.name,
        shortName: tenant.short_name,
        kind: tenant.kind,
        domain: tenant.custom_domain,
        lastPublishedAt: tenant.last_published_at,
        services: servicesOf.get(tenant.slug) ?? 0,
      })),
      news: news.sort(newestFirst).slice(0, CITY_NEWS),
      announcements: announcements.sort(newestFirst),
      services: services.sort((a, b) => a.title.localeCompare(b.title, 'id')),
    };
  }
}

function toStory(tenant: string, row: CityItemRow): CityStoryDto {
  return { tenant, slug: row.slug, title: row.title, summary: row.summary, publishedAt: row.publishedAt };
}

function toService(tenant: string, row: CityItemRow): CityServiceDto {
  const fields = row.fields ?? {};
  const channels = ((fields['deliveryChannels'] as Array<{ kind: string; url?: string }>) ?? []).map(
    (channel) => channel.kind,
  );
  return {
    tenant,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    sector: (fields['sector'] as string | undefined) ?? null,
    lifeEvents: (fields['lifeEvents'] as string[] | undefined) ?? [],
    atMallPelayananPublik: channels.includes('mall_pelayanan_publik'),
    online: channels.includes('online'),
    fee: (fields['fee'] as string | undefined) ?? null,
    processingTime: (fields['processingTime'] as string | undefined) ?? null,
  };
}
