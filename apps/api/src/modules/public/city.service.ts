import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { type PublicTenant, PublicTenants } from './public-tenants';
import { type CachedResponse, PublicCache } from './public-cache';
import { type CityItemRow, PublicContentRepository } from './public-content.repository';
import { type CityServiceDto, type CitySnapshotDto, type CityStoryDto } from './city.dto';

/** The portal's front page lists this many news items across the city; each OPD contributes its newest. */
const CITY_NEWS = 30;

/**
 * The city portal's data in one answer: every active OPD, the city's latest news, urgent announcements and
 * every service. Read OPD by OPD, each in its own tenant transaction, so row-level security still applies;
 * cached until any active OPD's published content changes.
 */
@Injectable()
export class CityService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PublicContentRepository) private readonly content: PublicContentRepository,
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
    const news: CityStoryDto[] = [];
    const announcements: CityStoryDto[] = [];
    const services: CityServiceDto[] = [];
    for (const tenant of tenants) {
      const rows = await this.db.inTenant(tenant.id, (tx) => this.content.forCity(tx, CITY_NEWS));
      for (const row of rows) {
        if (row.type === 'layanan') services.push(toService(tenant.slug, row));
        else (row.type === 'berita' ? news : announcements).push(toStory(tenant.slug, row));
      }
    }
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
        services: services.filter((service) => service.tenant === tenant.slug).length,
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
