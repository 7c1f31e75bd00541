import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { SiteSettingsModule } from '../site-settings/site-settings.module';
import { PublicMediaController } from './public-media.controller';
import { PublicCache } from './public-cache';
import { PublicContentRepository } from './public-content.repository';
import { PublicController } from './public.controller';
import { PublicService } from './public.service';
import { PublicTenants } from './public-tenants';
import { CityController } from './city.controller';
import { CityItemsRepository } from './city-items.repository';
import { CityService } from './city.service';
import { SiteAddressController } from './site-address.controller';
import { SiteAddresses } from './site-addresses';

@Module({
  imports: [SiteSettingsModule, MediaModule],
  controllers: [PublicController, PublicMediaController, SiteAddressController, CityController],
  providers: [
    PublicCache,
    PublicContentRepository,
    PublicService,
    PublicTenants,
    SiteAddresses,
    CityService,
    CityItemsRepository,
  ],
  exports: [PublicService, PublicContentRepository, SiteAddresses],
})
export class PublicModule {}
