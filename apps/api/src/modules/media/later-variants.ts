import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { SiteChangesRepository } from '../site-changes/site-changes.repository';
import { renderImage } from './image-variants';
import { type StoredFile, storedFileOf } from './media.entity';
import { MediaRepository } from './media.repository';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';

export interface LaterVariantsJob {
  tenantId: string;
  mediaId: string;
  /** The upload's storage token: if the photo was replaced or deleted meanwhile, the variants are dropped. */
  token: string;
  /** The uploaded photo, taken over by `adopt`; deleted when done. */
  source: string;
}

/**
 * The second stage of a photo (AVIF at every width, the large sizes), made after the upload answered so an
 * editor's publish waits only for what a page needs. The files are stored first, then added to the media
 * row; a page rebuilt after that lists them, one built before does not — never a file that does not exist.
 * If the photo is live, its pages are rebuilt. Best effort: if the API stops first, the photo keeps its first
 * stage (a complete picture, without AVIF and the largest sizes).
 */
@Injectable()
export class LaterVariants {
  private readonly logger = new Logger('LaterVariants');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(MediaRepository) private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(SiteChangesRepository) private readonly siteChanges: SiteChangesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Takes the uploaded photo into a folder of this service's own (`<media dir>/.later`), so it outlives the
   * request and whatever folder the caller cleans up (the demo seeder removes its own); a rename when the
   * upload landed on the same disk (`.incoming`), a copy otherwise.
   */
  async adopt(file: string): Promise<string> {
    const folder = path.join(this.config.media.dir, '.later');
    await mkdir(folder, { recursive: true });
    const target = path.join(folder, `${randomUUID()}${path.extname(file)}`);
    await rename(file, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await copyFile(file, target);
    });
    return target;
  }

  schedule(job: LaterVariantsJob): void {
    const work = this.complete(job)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, mediaId: job.mediaId }, 'Later variants failed'),
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Resolves when every scheduled photo is done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async complete(job: LaterVariantsJob): Promise<void> {
    const workDir = await mkdtemp(path.join(path.dirname(job.source), 'later-'));
    const written: string[] = [];
    try {
      const rendition = await renderImage(job.source, workDir, this.config.media.maxPixels, 'rest');
      const files = rendition.files.map((file) => ({
        ...file,
        key: `${job.tenantId}/${job.mediaId}/${job.token}/${file.name}`,
      }));
      for (const file of files) {
        await this.storage.putFile(file.key, file.localPath, file.mimeType);
        written.push(file.key);
      }
      const recorded = await this.db.inTenant(job.tenantId, (tx) => this.record(tx, job, files));
      if (recorded) written.length = 0;
    } finally {
      await this.storage.delete(written);
      await rm(workDir, { recursive: true, force: true });
      await rm(job.source, { force: true });
    }
  }

  private async record(
    tx: TenantTransaction,
    job: LaterVariantsJob,
    files: Array<StoredFile & { localPath: string }>,
  ): Promise<boolean> {
    const current = await this.media.findForUpdate(tx, job.mediaId);
    if (!current || current.token !== job.token) return false;
    const adding = files.reduce((sum, file) => sum + file.bytes, 0);
    // The quota holds for these files too: over it, the photo keeps its first stage.
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('media-quota:' || $1))`, [tx.tenantId]);
    if ((await this.media.storedBytes(tx)) + adding > this.config.media.tenantQuotaBytes) return false;
    const known = new Set(current.files.map((file) => file.name));
    const added = files.filter((file) => !known.has(file.name)).map(storedFileOf);
    await this.media.update(
      tx,
      { id: job.mediaId },
      {
        files: [...current.files, ...added],
        storedBytes: String(Number(current.storedBytes) + adding),
      },
    );
    // Live pages list the new sizes once rebuilt (the public answers follow the content version).
    if (await this.media.isPublished(tx, job.mediaId)) await this.siteChanges.record(tx, 'media.variants');
    return true;
  }
}
