import { Module } from '@nestjs/common';
import { AbuseModule } from '../../core/abuse/abuse.module';
import { CryptoModule } from '../../core/crypto/crypto.module';
import { AnonymousThrottleModule } from '../../core/http/anonymous-throttle';
import { ModerationModule } from '../moderation/moderation.module';
import { PublicModule } from '../public/public.module';
import { PublicSurveysController } from './public-surveys.controller';
import { SurveyPagesController } from './survey-pages.controller';
import { SurveyPagesService } from './survey-pages.service';
import { SurveySuggestionsController } from './survey-suggestions.controller';
import { SurveysService } from './surveys.service';

/** The community satisfaction survey (SKM) of each OPD's services: answers, and the index they give. */
@Module({
  imports: [PublicModule, AbuseModule, CryptoModule, ModerationModule, AnonymousThrottleModule],
  controllers: [PublicSurveysController, SurveyPagesController, SurveySuggestionsController],
  providers: [SurveysService, SurveyPagesService],
  exports: [SurveysService],
})
export class SurveysModule {}
