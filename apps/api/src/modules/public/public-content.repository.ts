import { Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { type PublicItemDto, type PublicListQueryDto, type PublicSearchHitDto } from './public.dto';

const VISIBLE = `(valid_from IS NULL OR valid_from <= now()) AND (valid_until IS NULL OR valid_until > now())`;
/** Every public column but the fields; `bodyDigest` names the body, so a reader can tell a changed one apart. */
const META = `type, slug, title, summary, category, tags, year, starts_at AS "startsAt", ends_at AS "endsAt",
  valid_from AS "validFrom", valid_until AS "validUntil", urgent, headline, published_at AS "publishedAt",
  updated_at AS "updatedAt", md5(data->>'bodyHtml') AS "bodyDigest"`;
const COLUMNS = `${META}, data AS fields`;
const ORDER: Record<PublicListQueryDto['sort'], string> = {
  newest: 'published_at DESC, title',
  oldest: 'published_at ASC, title',
  upcoming: 'starts_at ASC NULLS LAST, title',
  order: 'sort_order ASC NULLS LAST, title',
};

/**
 * Reads of the published projection only, always limited to what is visible now (an announcement before
 * its start or after its end is not). Drafts live in other tables and cannot be reached from here.
 */
@Injectable()
export class PublicContentRepository {
  async list(
    tx: TenantTransaction,
    query: PublicListQueryDto,
  ): Promise<{ items: PublicItemDto[]; total: number }> {
    const where = [`tenant_id = $1`, VISIBLE];
    const params: unknown[] = [tx.tenantId];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (query.type) add('type = ?', query.type);
    if (query.category) add('category = ?', query.category);
    if (query.tag) add('? = ANY(tags)', query.tag);
    if (query.year) add('year = ?', query.year);
    if (query.from) add('coalesce(starts_at, published_at) >= ?::date', query.from);
    if (query.to) add(`coalesce(starts_at, published_at) < ?::date + 1`, query.to);
    if (query.urgent !== undefined) add('urgent = ?', query.urgent);
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows: Array<PublicItemDto & { total: string }> = await tx.manager.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM published_content
        WHERE ${where.join(' AND ')}
        ORDER BY ${ORDER[query.sort]} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      items: rows.map(({ total: _total, ...item }) => item),
      total: Number(rows[0]?.total ?? (await this.count(tx, where, params.slice(0, -2)))),
    };
  }

  /**
   * Everything the public may see now, for the site builder (newest first within each type). Without bodies,
   * each item keeps its `bodyDigest`: a builder that renders few pages fetches only their bodies.
   */
  async everything(tx: TenantTransaction, bodies: 'all' | 'none' = 'all'): Promise<PublicItemDto[]> {
    const fields = bodies === 'all' ? 'data' : `data - 'bodyHtml'`;
    return tx.manager.query(
      `SELECT ${META}, ${fields} AS fields FROM published_content WHERE tenant_id = $1 AND ${VISIBLE} ORDER BY type, published_at DESC, title`,
      [tx.tenantId],
    );
  }

  async bySlug(tx: TenantTransaction, type: string, slug: string): Promise<PublicItemDto | null> {
    const rows: PublicItemDto[] = await tx.manager.query(
      `SELECT ${COLUMNS} FROM published_content WHERE tenant_id = $1 AND type = $2 AND slug = $3 AND ${VISIBLE}`,
      [tx.tenantId, type, slug],
    );
    return rows[0] ?? null;
  }

  /** Indonesian full-text search (stemmed: "pelayanan" finds "layanan"), best matches first. */
  async search(
    tx: TenantTransaction,
    text: string,
    type: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: PublicSearchHitDto[]; total: number }> {
    const rows: Array<PublicSearchHitDto & { total: string }> = await tx.manager.query(
      `SELECT type, slug, title, published_at AS "publishedAt",
              ts_headline('indonesian', coalesce(summary, '') || ' ' || title, q, 'MaxWords=30, MinWords=10') AS snippet,
              count(*) OVER () AS total
         FROM published_content, websearch_to_tsquery('indonesian', $2) q
        WHERE tenant_id = $1 AND search @@ q AND ${VISIBLE} AND ($3::text IS NULL OR type = $3)
        ORDER BY ts_rank(search, q) DESC, published_at DESC
        LIMIT $4 OFFSET $5`,
      [tx.tenantId, text, type ?? null, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(({ total: _total, ...hit }) => hit), total: Number(rows[0]?.total ?? 0) };
  }

  profilePages(tx: TenantTransaction): Promise<Array<{ slug: string; title: string; kind: string }>> {
    return tx.manager.query(
      `SELECT slug, title, category AS kind FROM published_content
        WHERE tenant_id = $1 AND type = 'halaman' AND 'menu' = ANY(tags)
        ORDER BY sort_order ASC NULLS LAST, title`,
      [tx.tenantId],
    );
  }

  private async count(tx: TenantTransaction, where: string[], params: unknown[]): Promise<number> {
    if (params.length === 0) return 0;
    const rows: Array<{ n: number }> = await tx.manager.query(
      `SELECT count(*)::int AS n FROM published_content WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows[0]?.n ?? 0;
  }
}
