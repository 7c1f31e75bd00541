import { Module } from '@nestjs/common';
import { PlatformAlertsRepository } from '../builds/platform-alerts.repository';
import { ModerationService } from './moderation.service';
import { PublicTextScreen } from './public-text-screen';
import { SpamGuardService } from './spam-guard.service';
import { SpamTermsController } from './spam-terms.controller';
import { SpamTermsRepository } from './spam-terms.repository';
import { SpamTermsService } from './spam-terms.service';

/** The spam guard: reading changes before they reach citizens, and the lexicon Diskominfotik keeps. */
@Module({
  controllers: [SpamTermsController],
  providers: [
    SpamTermsRepository,
    SpamGuardService,
    SpamTermsService,
    ModerationService,
    PlatformAlertsRepository,
    PublicTextScreen,
  ],
  exports: [ModerationService, SpamGuardService, PublicTextScreen],
})
export class ModerationModule {}
