import { Inject, Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { SiteChangeNotifier } from '../../core/database/site-change-notifier';
import { SiteBuildQueue } from '../../core/queue/site-build-queue';

export type SiteChangeKind =
  | 'content.published'
  | 'content.unpublished'
  | 'content.deleted'
  | 'content.expired'
  | 'content.became_valid'
  | 'settings.changed'
  | 'media.replaced'
  | 'media.described'
  | 'media.variants'
  | 'tenant.changed';

/**
 * Records that the public site of a tenant changed: an outbox row for the site builder and a new public
 * content version (the public API's cache key), both in the caller's transaction.
 */
@Injectable()
export class SiteChangesRepository {
  constructor(
    @Inject(SiteChangeNotifier) private readonly notifier: SiteChangeNotifier,
    @Inject(SiteBuildQueue) private readonly buildQueue: SiteBuildQueue,
  ) {}

  async record(
    tx: TenantTransaction,
    kind: SiteChangeKind,
    item?: { id: string; type: string },
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO site_change_events (tenant_id, kind, item_id, content_type) VALUES ($1, $2, $3, $4)`,
      [tx.tenantId, kind, item?.id ?? null, item?.type ?? null],
    );
    await tx.manager.query(
      `UPDATE tenants SET content_version = content_version + 1,
              last_published_at = CASE WHEN $2 = 'content.published' THEN now() ELSE last_published_at END
        WHERE id = $1`,
      [tx.tenantId, kind],
    );
    await this.notifier.tenantChanged(tx);
    await this.buildQueue.enqueue(tx, kind);
  }
}
