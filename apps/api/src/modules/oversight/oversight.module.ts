import { Module } from '@nestjs/common';
import { PublicModule } from '../public/public.module';
import { SiteSettingsModule } from '../site-settings/site-settings.module';
import { OversightController } from './oversight.controller';
import { OversightService } from './oversight.service';
import { ScoreHistoryService } from './score-history.service';
import { PolicyService } from './policy.service';

@Module({
  imports: [PublicModule, SiteSettingsModule],
  controllers: [OversightController],
  providers: [OversightService, ScoreHistoryService, PolicyService],
  exports: [OversightService, PolicyService],
})
export class OversightModule {}
