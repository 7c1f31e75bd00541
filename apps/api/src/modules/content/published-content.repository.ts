import { Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { TenantScopedRepository } from '../../core/database/tenant-scoped.repository';
import { PublishedContent } from './published-content.entity';
import { type ProjectedColumns } from './types/content-type';

export interface PublishedRow extends Omit<ProjectedColumns, 'search'> {
  itemId: string;
  revisionId: string;
  type: string;
  slug: string;
  data: Record<string, unknown>;
  publishedAt: Date;
  search: ProjectedColumns['search'];
}

export interface TimeBoundary {
  id: string;
  type: string;
  kind: 'content.became_valid' | 'content.expired';
}

/** A published service as the satisfaction survey knows it. */
export interface PublishedService {
  itemId: string;
  slug: string;
  title: string;
  annualUsers: number | null;
}

/** The public projection. Writes happen only through publishing; reads only through the public API. */
@Injectable()
export class PublishedContentRepository extends TenantScopedRepository<PublishedContent> {
  constructor() {
    super(PublishedContent);
  }

  /** Inserts or replaces the live version of an item, with its Indonesian full-text vector. */
  async upsert(tx: TenantTransaction, row: PublishedRow): Promise<void> {
    await tx.manager.query(
      `INSERT INTO published_content (item_id, tenant_id, revision_id, type, slug, title, summary, data, category, tags,
         year, starts_at, ends_at, valid_from, valid_until, urgent, headline, sort_order, published_at, updated_at,
         expired_at, activated_at, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, now(), NULL,
         CASE WHEN $14::timestamptz IS NULL OR $14::timestamptz <= now() THEN now() END,
         setweight(to_tsvector('indonesian', $20), 'A') || setweight(to_tsvector('indonesian', $21), 'B')
           || setweight(to_tsvector('indonesian', $22), 'C'))
       ON CONFLICT (item_id) DO UPDATE SET revision_id = excluded.revision_id, slug = excluded.slug,
         title = excluded.title, summary = excluded.summary, data = excluded.data, category = excluded.category,
         tags = excluded.tags, year = excluded.year, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
         valid_from = excluded.valid_from, valid_until = excluded.valid_until, urgent = excluded.urgent,
         headline = excluded.headline, sort_order = excluded.sort_order, published_at = excluded.published_at,
         updated_at = now(), expired_at = NULL, activated_at = excluded.activated_at, search = excluded.search`,
      [
        row.itemId,
        tx.tenantId,
        row.revisionId,
        row.type,
        row.slug,
        row.title,
        row.summary,
        row.data,
        row.category,
        row.tags,
        row.year,
        row.startsAt,
        row.endsAt,
        row.validFrom,
        row.validUntil,
        row.urgent,
        row.headline,
        row.sortOrder,
        row.publishedAt,
        row.search.a,
        row.search.b,
        row.search.c,
      ],
    );
  }

  async remove(tx: TenantTransaction, itemId: string): Promise<void> {
    await tx.manager.query(`DELETE FROM published_content WHERE tenant_id = $1 AND item_id = $2`, [
      tx.tenantId,
      itemId,
    ]);
  }

  /**
   * The OPD's published *dikecualikan* documents (its list of exempt information), by title; only `itemId` when
   * given. A PPID's refusal may cite nothing else.
   */
  exemptDocuments(tx: TenantTransaction, itemId?: string): Promise<Array<{ itemId: string; title: string }>> {
    return tx.manager.query(
      `SELECT item_id AS "itemId", title FROM published_content
        WHERE tenant_id = $1 AND type = 'dokumen' AND data->>'informationClass' = 'dikecualikan'
          AND ($2::uuid IS NULL OR item_id = $2) ORDER BY title`,
      [tx.tenantId, itemId ?? null],
    );
  }

  /**
   * The OPD's published services, by title (only the one at `slug` when given), with the yearly number of people
   * served the OPD estimated: what the satisfaction survey asks about and sizes its sample by.
   */
  services(tx: TenantTransaction, slug?: string): Promise<PublishedService[]> {
    return tx.manager.query(
      `SELECT item_id AS "itemId", slug, title, (data->>'annualUsers')::int AS "annualUsers" FROM published_content
        WHERE tenant_id = $1 AND type = 'layanan' AND ($2::text IS NULL OR slug = $2) ORDER BY title`,
      [tx.tenantId, slug ?? null],
    );
  }

  /** Live items whose validity began or ended since the last sweep, marked so each is reported once. */
  async sweepTimeBoundaries(tx: TenantTransaction, now: Date): Promise<TimeBoundary[]> {
    const began: Array<{ item_id: string; type: string }> = await tx.manager.query(
      `WITH began AS (
         UPDATE published_content SET activated_at = $2
          WHERE tenant_id = $1 AND activated_at IS NULL AND valid_from <= $2
          RETURNING item_id, type)
       SELECT * FROM began`,
      [tx.tenantId, now],
    );
    const ended: Array<{ item_id: string; type: string }> = await tx.manager.query(
      `WITH ended AS (
         UPDATE published_content SET expired_at = $2
          WHERE tenant_id = $1 AND expired_at IS NULL AND valid_until <= $2
          RETURNING item_id, type)
       SELECT * FROM ended`,
      [tx.tenantId, now],
    );
    return [
      ...began.map((row) => ({ id: row.item_id, type: row.type, kind: 'content.became_valid' as const })),
      ...ended.map((row) => ({ id: row.item_id, type: row.type, kind: 'content.expired' as const })),
    ];
  }
}
