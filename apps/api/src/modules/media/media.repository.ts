import { Injectable } from '@nestjs/common';
import { ILike, In } from 'typeorm';
import { type TenantTransaction } from '../../core/database/database.service';
import { containsPattern } from '../../core/database/like-pattern';
import { TenantScopedRepository } from '../../core/database/tenant-scoped.repository';
import { Media, type MediaKind } from './media.entity';

export interface MediaUsage {
  itemId: string;
  type: string;
  title: string;
  live: boolean;
}

@Injectable()
export class MediaRepository extends TenantScopedRepository<Media> {
  constructor() {
    super(Media);
  }

  findForUpdate(tx: TenantTransaction, id: string): Promise<Media | null> {
    return this.repository(tx).findOne({
      where: this.scoped(tx, { id }),
      lock: { mode: 'pessimistic_write' },
    });
  }

  findByIds(tx: TenantTransaction, ids: string[]): Promise<Media[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repository(tx).find({ where: { tenantId: tx.tenantId, id: In(ids) } });
  }

  async storedBytes(tx: TenantTransaction): Promise<number> {
    const rows: Array<{ total: string | null }> = await tx.manager.query(
      `SELECT sum(stored_bytes) AS total FROM media WHERE tenant_id = $1`,
      [tx.tenantId],
    );
    return Number(rows[0]?.total ?? 0);
  }

  search(
    tx: TenantTransaction,
    filter: { kind?: MediaKind; q?: string; limit: number; offset: number },
  ): Promise<[Media[], number]> {
    const where = {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.q ? { fileName: ILike(containsPattern(filter.q)) } : {}),
    };
    return Promise.all([
      this.find(tx, where, { order: { createdAt: 'DESC' }, take: filter.limit, skip: filter.offset }),
      this.count(tx, where),
    ]);
  }

  /**
   * Whether citizens may see the file: what the public sees (published content, by reference or by address
   * in rich text, and the site settings) mentions it.
   */
  async isPublished(tx: TenantTransaction, mediaId: string): Promise<boolean> {
    const rows: Array<{ published: boolean }> = await tx.manager.query(
      `SELECT EXISTS (SELECT 1 FROM published_content WHERE tenant_id = $1 AND data::text LIKE $2)
           OR EXISTS (SELECT 1 FROM site_settings WHERE tenant_id = $1 AND data::text LIKE $2) AS published`,
      [tx.tenantId, `%${mediaId}%`],
    );
    return rows[0]?.published === true;
  }

  /** Content that refers to this media id: in what the public sees, or in the working copy being edited. */
  usage(tx: TenantTransaction, mediaId: string): Promise<MediaUsage[]> {
    return tx.manager.query(
      `SELECT i.id AS "itemId", i.type, i.title, (p.item_id IS NOT NULL AND jsonb_path_exists(p.data, '$.** ? (@.mediaId == $id)', jsonb_build_object('id', $2::text))) AS live
         FROM content_items i
         JOIN content_revisions r ON r.id = i.working_revision_id
         LEFT JOIN published_content p ON p.item_id = i.id
        WHERE i.tenant_id = $1
          AND (jsonb_path_exists(r.data, '$.** ? (@.mediaId == $id)', jsonb_build_object('id', $2::text))
               OR (p.item_id IS NOT NULL AND jsonb_path_exists(p.data, '$.** ? (@.mediaId == $id)', jsonb_build_object('id', $2::text))))
        ORDER BY i.title`,
      [tx.tenantId, mediaId],
    );
  }
}
