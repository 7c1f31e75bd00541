import { Module } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { AuditModule } from '../audit/audit.module';
import { SiteChangesModule } from '../site-changes/site-changes.module';
import { MediaReferences } from './media-references';
import { MediaController } from './media.controller';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { MediaUrls } from './media-urls';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { MEDIA_STORAGE } from './storage/media-storage';
import { UploadInterceptor } from './upload.interceptor';

@Module({
  imports: [AuditModule, SiteChangesModule],
  controllers: [MediaController],
  providers: [
    MediaRepository,
    MediaService,
    MediaUrls,
    MediaReferences,
    UploadInterceptor,
    {
      provide: MEDIA_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(config.media.dir),
    },
  ],
  exports: [MediaRepository, MediaUrls, MediaReferences, MEDIA_STORAGE],
})
export class MediaModule {}
