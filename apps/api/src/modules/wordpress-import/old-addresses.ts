import { sitePagePath } from '@laman/shared';
import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { MediaRepository } from '../media/media.repository';
import { MediaUrls } from '../media/media-urls';
import { SiteAddresses } from '../public/site-addresses';
import { oldPathKey } from './old-paths';

interface Found {
  type: string | null;
  slug: string | null;
  mediaId: string | null;
}

/**
 * Where an old address of an imported item now lives: its page on the OPD's site (a path on the same host), or,
 * for an old upload, the library's file. Only what citizens may see answers: an item that is not published
 * (a draft, a withdrawn page) or a file no published content uses answers 404 like an address never seen.
 */
@Injectable()
export class OldAddresses {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteAddresses) private readonly sites: SiteAddresses,
    @Inject(MediaRepository) private readonly media: MediaRepository,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
  ) {}

  async movedTo(host: string, uri: string): Promise<string> {
    const tenant = await this.sites.siteAt(host);
    const key = oldPathKey(uri);
    const gone = () => new DomainError('NOT_FOUND', 'Halaman tidak ditemukan');
    if (!tenant || !key) throw gone();
    const target = await this.db.inTenant(tenant.id, async (tx) => {
      const [found] = (await tx.manager.query(
        `SELECT p.type, p.slug, i.media_id AS "mediaId"
           FROM imported_items i LEFT JOIN published_content p ON p.item_id = i.item_id
          WHERE i.tenant_id = $1 AND i.old_paths @> ARRAY[$2]
          ORDER BY p.slug IS NULL LIMIT 1`,
        [tx.tenantId, key],
      )) as Found[];
      if (found?.type && found.slug) return `/${sitePagePath(found.type, found.slug)}`;
      if (!found?.mediaId || !(await this.media.isPublished(tx, found.mediaId))) return null;
      const media = await this.media.findOne(tx, { id: found.mediaId });
      return media ? this.urls.toDto(tenant.slug, media).url : null;
    });
    if (!target) throw gone();
    return target;
  }
}
