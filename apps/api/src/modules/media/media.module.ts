import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { AuditModule } from '../audit/audit.module';
import { ModerationModule } from '../moderation/moderation.module';
import { SiteChangesModule } from '../site-changes/site-changes.module';
import { stopImageWork } from './image-variants';
import { LaterVariants } from './later-variants';
import { MediaReferences } from './media-references';
import { MediaController } from './media.controller';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { MediaUrls } from './media-urls';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';
import { S3Storage } from './storage/s3.storage';

/** Local disk by default; an S3-compatible bucket (MinIO) with MEDIA_STORAGE=s3. */
async function mediaStorage(config: AppConfig): Promise<MediaStorage> {
  if (config.media.storage === 'local') return new LocalDiskStorage(config.media.dir);
  const storage = new S3Storage(config.media.s3);
  await storage.ensureBucket();
  return storage;
}

@Module({
  imports: [AuditModule, SiteChangesModule, ModerationModule],
  controllers: [MediaController],
  providers: [
    MediaRepository,
    MediaService,
    MediaUrls,
    MediaReferences,
    LaterVariants,
    { provide: MEDIA_STORAGE, inject: [APP_CONFIG], useFactory: mediaStorage },
  ],
  exports: [MediaRepository, MediaUrls, MediaReferences, MEDIA_STORAGE, LaterVariants, MediaService],
})
export class MediaModule implements OnApplicationShutdown {
  constructor(@Inject(LaterVariants) private readonly laterVariants: LaterVariants) {}

  /** Photos being finished are finished (a few seconds at most), then the image child stops. */
  async onApplicationShutdown(): Promise<void> {
    await this.laterVariants.settled();
    stopImageWork();
  }
}
