import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { ContentStore } from '../content/content-store';
import { PublishingService } from '../content/publishing.service';
import { MediaUrls } from '../media/media-urls';
import { PublicService } from '../public/public.service';
import { PageRenderer } from './page-renderer';
import { PreviewQueue } from './preview-queue';

/** Previews run Astro in a child process; two at a time keep a small server responsive. */
const PREVIEW_SLOTS = 2;
/** People who may wait for a slot (one request each); more are told to retry. */
const PREVIEW_WAITING_ROOM = 6;

/** Carries the snapshot out of the transaction that is rolled back. */
class Discard extends Error {
  constructor(readonly snapshot: object) {
    super('preview transaction discarded');
  }
}

/**
 * "Pratinjau": the page an item's working copy would make, rendered by the site's own theme. The draft is
 * projected into the public tables inside a transaction that is always rolled back, so the snapshot is exactly
 * what publishing would give the builder, and nothing public changes.
 */
@Injectable()
export class PreviewService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ContentStore) private readonly store: ContentStore,
    @Inject(PublishingService) private readonly publishing: PublishingService,
    @Inject(PublicService) private readonly publicSite: PublicService,
    @Inject(PageRenderer) private readonly renderer: PageRenderer,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
  ) {}

  private readonly queue = new PreviewQueue(PREVIEW_SLOTS, PREVIEW_WAITING_ROOM);

  /** Waits its turn first, so a waiting request holds nothing; the snapshot is taken once it may render. */
  async page(tenant: TenantContext, itemId: string): Promise<string> {
    const release = await this.queue.enter(tenant.actor.userId);
    try {
      return await this.render(tenant, itemId);
    } finally {
      release();
    }
  }

  private async render(tenant: TenantContext, itemId: string): Promise<string> {
    const site = await this.publicSite.activeTenant(tenant.slug);
    let type = '';
    let slug = '';
    const snapshot = await this.db
      .inTenant(tenant.tenantId, async (tx) => {
        const loaded = await this.store.load(tx, itemId);
        ({ type, slug } = loaded.item);
        await this.publishing.project(tx, loaded);
        throw new Discard(await this.publicSite.snapshotIn(tx, site));
      })
      .catch((error: unknown) => {
        if (error instanceof Discard) return error.snapshot;
        throw error;
      });
    // The draft's photos are not public until it is published: the preview shows them through signed addresses.
    return this.renderer.render(this.urls.signWithin(snapshot, tenant.slug, tenant.tenantId), type, slug);
  }
}
