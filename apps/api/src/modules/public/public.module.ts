import { Module } from '@nestjs/common';
import { SiteSettingsModule } from '../site-settings/site-settings.module';
import { PublicCache } from './public-cache';
import { PublicContentRepository } from './public-content.repository';
import { PublicController } from './public.controller';
import { PublicService } from './public.service';
import { PublicTenants } from './public-tenants';

@Module({
  imports: [SiteSettingsModule],
  controllers: [PublicController],
  providers: [PublicCache, PublicContentRepository, PublicService, PublicTenants],
})
export class PublicModule {}
