import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

export interface CityItemRow {
  tenantId: string;
  type: 'berita' | 'pengumuman' | 'layanan';
  slug: string;
  title: string;
  summary: string | null;
  publishedAt: Date;
  fields: Record<string, unknown> | null;
}

const VISIBLE = `(c.valid_from IS NULL OR c.valid_from <= now()) AND (c.valid_until IS NULL OR c.valid_until > now())`;
const COLUMNS = `c.tenant_id AS "tenantId", c.type, c.slug, c.title, c.summary, c.published_at AS "publishedAt"`;

/**
 * The city portal's view of every active OPD's public content (`city_items`, kept by a trigger on
 * `published_content`): a few indexed queries, however many OPDs the city has.
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

  /** Urgent (serta-merta) announcements in force, and every service, of every active OPD. */
  urgentAndServices(manager: EntityManager): Promise<CityItemRow[]> {
    return manager.query(
      `SELECT ${COLUMNS}, c.data AS fields FROM city_items c JOIN tenants t ON t.id = c.tenant_id
        WHERE t.status = 'active' AND ${VISIBLE}
          AND (c.type = 'layanan' OR (c.type = 'pengumuman' AND c.urgent))`,
    );
  }
}
