import { Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { TenantScopedRepository } from '../../core/database/tenant-scoped.repository';
import { ContentItem } from './content-item.entity';
import { ContentRevision } from './content-revision.entity';
import { type ContentTypeName } from './types/content-type';

@Injectable()
export class ContentItemsRepository extends TenantScopedRepository<ContentItem> {
  constructor() {
    super(ContentItem);
  }

  /** Row-locks the item for a state change; concurrent changes queue behind it. */
  findForUpdate(tx: TenantTransaction, id: string): Promise<ContentItem | null> {
    return this.repository(tx).findOne({
      where: this.scoped(tx, { id }),
      lock: { mode: 'pessimistic_write' },
    });
  }

  async slugTaken(
    tx: TenantTransaction,
    type: ContentTypeName,
    slug: string,
    exceptId?: string,
  ): Promise<boolean> {
    const rows: unknown[] = await tx.manager.query(
      `SELECT 1 FROM content_items WHERE tenant_id = $1 AND type = $2 AND slug = $3 AND id IS DISTINCT FROM $4::uuid`,
      [tx.tenantId, type, slug, exceptId ?? null],
    );
    return rows.length > 0;
  }

  /** Scheduled items whose time has come, locked so that two schedulers never publish one twice. */
  async lockDue(tx: TenantTransaction, now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.manager.query(
      `SELECT id FROM content_items
        WHERE tenant_id = $1 AND state = 'scheduled' AND scheduled_at <= $2
        ORDER BY scheduled_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [tx.tenantId, now, limit],
    );
    return rows.map((row) => row.id);
  }
}

@Injectable()
export class ContentRevisionsRepository extends TenantScopedRepository<ContentRevision> {
  constructor() {
    super(ContentRevision);
  }

  async nextNumber(tx: TenantTransaction, itemId: string): Promise<number> {
    const rows: Array<{ next: number }> = await tx.manager.query(
      `SELECT coalesce(max(number), 0) + 1 AS next FROM content_revisions WHERE tenant_id = $1 AND item_id = $2`,
      [tx.tenantId, itemId],
    );
    return rows[0]?.next ?? 1;
  }

  listForItem(tx: TenantTransaction, itemId: string): Promise<ContentRevision[]> {
    return this.find(tx, { itemId }, { order: { number: 'DESC' } });
  }
}
