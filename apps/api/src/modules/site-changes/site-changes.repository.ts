import { Inject, Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { SiteChangeNotifier } from '../../core/database/site-change-notifier';
import { SiteBuildQueue } from '../../core/queue/site-build-queue';

export type SiteChangeKind =
  | 'content.published'
  /** Published by the WordPress import, with the date it had on the old site. */
  | 'content.imported'
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

  /**
   * A change to what the OPD's public site shows. A publish is the OPD's last update now; an imported item is
   * one only as of its old date, and only if newer than what the OPD has (so an OPD whose last post was in
   * 2021 still shows that after its old site moved in).
   */
  async record(
    tx: TenantTransaction,
    kind: SiteChangeKind,
    item?: { id: string; type: string },
    publishedAt?: Date,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO site_change_events (tenant_id, kind, item_id, content_type) VALUES ($1, $2, $3, $4)`,
      [tx.tenantId, kind, item?.id ?? null, item?.type ?? null],
    );
    await tx.manager.query(
      `UPDATE tenants SET content_version = content_version + 1,
              last_published_at = CASE $2 WHEN 'content.published' THEN now()
                                          WHEN 'content.imported' THEN GREATEST(last_published_at, $3::timestamptz)
                                          ELSE last_published_at END
        WHERE id = $1`,
      [tx.tenantId, kind, publishedAt ?? null],
    );
    await this.notifier.tenantChanged(tx);
    await this.buildQueue.enqueue(tx, kind);
  }
}
