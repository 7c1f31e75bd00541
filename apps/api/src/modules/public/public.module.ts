import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { SiteSettingsModule } from '../site-settings/site-settings.module';
import { PublicMediaController } from './public-media.controller';
import { PublicCache } from './public-cache';
import { PublicContentRepository } from './public-content.repository';
import { PublicController } from './public.controller';
import { PublicService } from './public.service';
import { PublicTenants } from './public-tenants';

@Module({
  imports: [SiteSettingsModule, MediaModule],
  controllers: [PublicController, PublicMediaController],
  providers: [PublicCache, PublicContentRepository, PublicService, PublicTenants],
  exports: [PublicService, PublicContentRepository],
})
export class PublicModule {}
