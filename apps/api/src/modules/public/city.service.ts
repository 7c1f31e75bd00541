import { skmMinimumRespondents, skmResult } from '@laman/shared';
import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { PublicTenants } from './public-tenants';
import { type CachedResponse, PublicCache } from './public-cache';
import { type CityItemRow, CityItemsRepository, type CityServiceRow } from './city-items.repository';
import {
  type CityDirectoryPageDto,
  type CityFrontDto,
  type CityServiceDto,
  type CityServicesPageDto,
  type CityStoryDto,
} from './city.dto';

/** How old the catalogue's survey figures may be. */
const SURVEY_FRESHNESS_MS = 3_600_000;

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

  /**
   * A page of the catalogue. Its survey figures change with every answer, not with the city's version: the page
   * is kept an hour at most, so they are never older than that.
   */
  services(limit: number, offset: number, now = new Date()): Promise<CachedResponse> {
    const hour = Math.floor(now.getTime() / SURVEY_FRESHNESS_MS);
    return this.cached(
      `layanan:${limit}:${offset}:${hour}`,
      async (version): Promise<CityServicesPageDto> => {
        const [rows, totals] = await this.db.inPlatform(async (manager) => [
          await this.items.servicesPage(manager, limit, offset),
          await this.items.totals(manager),
        ]);
        return { version, items: rows.map(toService), total: totals.services };
      },
    );
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

/** This year's survey of a service, as the catalogue shows it (none before its first respondent). */
function surveyOf(row: CityServiceRow): CityServiceDto['survey'] {
  if (!row.respondents || !row.sums) return null;
  const result = skmResult(row.respondents, row.sums);
  const annualUsers = row.fields?.['annualUsers'];
  return {
    year: row.surveyYear,
    respondents: row.respondents,
    minimumRespondents: skmMinimumRespondents(typeof annualUsers === 'number' ? annualUsers : null),
    index: result.index!,
    grade: result.grade!.grade,
    gradeLabel: result.grade!.label,
  };
}

function toService(row: CityServiceRow): CityServiceDto {
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
    survey: surveyOf(row),
  };
}
