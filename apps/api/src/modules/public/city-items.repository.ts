import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

export interface CityItemRow {
  /** The OPD's slug. */
  tenant: string;
  type: 'berita' | 'pengumuman' | 'layanan';
  slug: string;
  title: string;
  summary: string | null;
  publishedAt: Date;
  fields: Record<string, unknown> | null;
}

/** A service of the catalogue, with its survey answers of the current year added up (none: null). */
export interface CityServiceRow extends CityItemRow {
  surveyYear: number;
  respondents: number | null;
  sums: number[] | null;
}

export interface CityDirectoryRow {
  slug: string;
  name: string;
  shortName: string;
  kind: string;
  domain: string | null;
  lastPublishedAt: Date | null;
  services: number;
}

export interface CityTotals {
  opds: number;
  opdsWithServices: number;
  services: number;
  online: number;
  atMallPelayananPublik: number;
}

const VISIBLE = `(c.valid_from IS NULL OR c.valid_from <= now()) AND (c.valid_until IS NULL OR c.valid_until > now())`;
const COLUMNS = `t.slug AS tenant, c.type, c.slug, c.title, c.summary, c.published_at AS "publishedAt"`;
const ACTIVE_SERVICES = `FROM city_items c JOIN tenants t ON t.id = c.tenant_id
  WHERE c.type = 'layanan' AND t.status = 'active' AND ${VISIBLE}`;
const channel = (kind: string) => `c.data->'deliveryChannels' @> '[{"kind":"${kind}"}]'`;

/**
 * The city portal's view of every active OPD's public content (`city_items`, kept by a trigger on
 * `published_content`): a few indexed queries, however many OPDs the city has; the directory and the service
 * catalogue are read a page at a time, so no single answer grows with the city.
 */
@Injectable()
export class CityItemsRepository {
  /** The city's newest news, across every active OPD. */
  newestNews(manager: EntityManager, limit: number): Promise<CityItemRow[]> {
    return manager.query(
      `SELECT ${COLUMNS}, NULL::jsonb AS fields FROM city_items c JOIN tenants t ON t.id = c.tenant_id
        WHERE c.type = 'berita' AND t.status = 'active' AND ${VISIBLE}
        ORDER BY c.published_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** Urgent (serta-merta) announcements in force, of every active OPD. */
  urgentAnnouncements(manager: EntityManager): Promise<CityItemRow[]> {
    return manager.query(
      `SELECT ${COLUMNS}, NULL::jsonb AS fields FROM city_items c JOIN tenants t ON t.id = c.tenant_id
        WHERE c.type = 'pengumuman' AND c.urgent AND t.status = 'active' AND ${VISIBLE}
        ORDER BY c.published_at DESC`,
    );
  }

  /** How many OPDs and services the city has, and how many services are online or at the MPP. */
  async totals(manager: EntityManager): Promise<CityTotals> {
    const [row] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM tenants WHERE status = 'active') AS opds,
              count(DISTINCT c.tenant_id)::int AS "opdsWithServices", count(*)::int AS services,
              (count(*) FILTER (WHERE ${channel('online')}))::int AS online,
              (count(*) FILTER (WHERE ${channel('mall_pelayanan_publik')}))::int AS "atMallPelayananPublik"
         ${ACTIVE_SERVICES}`,
    )) as CityTotals[];
    return row!;
  }

  /** One page of the active OPDs by name, each with its count of services in force. */
  directoryPage(manager: EntityManager, limit: number, offset: number): Promise<CityDirectoryRow[]> {
    return manager.query(
      `SELECT t.slug, t.name, t.short_name AS "shortName", t.kind, t.custom_domain AS domain,
              t.last_published_at AS "lastPublishedAt",
              (SELECT count(*)::int FROM city_items c
                WHERE c.tenant_id = t.id AND c.type = 'layanan' AND ${VISIBLE}) AS services
         FROM tenants t WHERE t.status = 'active' ORDER BY t.name, t.slug LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }

  /** One page of every active OPD's services in force, by title, with this year's survey totals (WIB). */
  servicesPage(manager: EntityManager, limit: number, offset: number): Promise<CityServiceRow[]> {
    return manager.query(
      `WITH year AS (SELECT extract(year FROM now() AT TIME ZONE 'Asia/Jakarta')::int AS value)
       SELECT ${COLUMNS}, c.data AS fields, (SELECT value FROM year) AS "surveyYear",
              s.respondents, s.sums
         FROM city_items c JOIN tenants t ON t.id = c.tenant_id
         LEFT JOIN survey_totals s ON s.service_id = c.item_id AND s.year = (SELECT value FROM year)
        WHERE c.type = 'layanan' AND t.status = 'active' AND ${VISIBLE}
        ORDER BY c.title, t.slug, c.slug LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }
}
