import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { PublicTenants } from './public-tenants';
import { type CachedResponse, PublicCache } from './public-cache';
import { type CityItemRow, CityItemsRepository } from './city-items.repository';
import {
  type CityDirectoryPageDto,
  type CityFrontDto,
  type CityServiceDto,
  type CityServicesPageDto,
  type CityStoryDto,
} from './city.dto';

/** The portal's front page lists this many news items across the city; each OPD contributes its newest. */
const CITY_NEWS = 30;

/**
 * The city portal's data, read from `city_items` (public content, mirrored as it is published): the front page
 * in a few queries, the directory and the service catalogue a page at a time, so no answer grows with the
 * number of OPDs. Every answer is cached under the city's version, which moves when any active OPD's public
 * content or the directory changes.
 */
@Injectable()
export class CityService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CityItemsRepository) private readonly items: CityItemsRepository,
    @Inject(PublicTenants) private readonly publicTenants: PublicTenants,
    @Inject(PublicCache) private readonly cache: PublicCache,
  ) {}

  front(): Promise<CachedResponse> {
    return this.cached('front', async (version): Promise<CityFrontDto> => {
      const [news, urgent, totals] = await this.db.inPlatform(async (manager) => [
        await this.items.newestNews(manager, CITY_NEWS),
        await this.items.urgentAnnouncements(manager),
        await this.items.totals(manager),
      ]);
      return {
        version,
        news: news.map(toStory),
        announcements: urgent.map(toStory),
        totals,
      };
    });
  }

  directory(limit: number, offset: number): Promise<CachedResponse> {
    return this.cached(`opd:${limit}:${offset}`, async (version): Promise<CityDirectoryPageDto> => {
      const [items, totals] = await this.db.inPlatform(async (manager) => [
        await this.items.directoryPage(manager, limit, offset),
        await this.items.totals(manager),
      ]);
      return { version, items, total: totals.opds };
    });
  }

  services(limit: number, offset: number): Promise<CachedResponse> {
    return this.cached(`layanan:${limit}:${offset}`, async (version): Promise<CityServicesPageDto> => {
      const [rows, totals] = await this.db.inPlatform(async (manager) => [
        await this.items.servicesPage(manager, limit, offset),
        await this.items.totals(manager),
      ]);
      return { version, items: rows.map(toService), total: totals.services };
    });
  }

  private async cached(
    part: string,
    compute: (version: string) => Promise<unknown>,
  ): Promise<CachedResponse> {
    const { key, lastPublished } = await this.publicTenants.cityVersion();
    return this.cache.getOrCompute(`city:${key}:${part}`, lastPublished, () => compute(key));
  }
}

function toStory(row: CityItemRow): CityStoryDto {
  return {
    tenant: row.tenant,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    publishedAt: row.publishedAt,
  };
}

function toService(row: CityItemRow): CityServiceDto {
  const fields = row.fields ?? {};
  const channels = ((fields['deliveryChannels'] as Array<{ kind: string; url?: string }>) ?? []).map(
    (channel) => channel.kind,
  );
  return {
    tenant: row.tenant,
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
