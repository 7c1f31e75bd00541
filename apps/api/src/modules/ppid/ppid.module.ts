import { AbuseModule } from '../../core/abuse/abuse.module';
import { AnonymousThrottleModule } from '../../core/http/anonymous-throttle';
import { Mailer } from '../../core/mail/mailer';
import { CryptoModule } from '../../core/crypto/crypto.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media/media.module';
import { ModerationModule } from '../moderation/moderation.module';
import { CalendarModule } from '../calendar/calendar.module';
import { PublicModule } from '../public/public.module';
import { AnswerAttachments } from './answer-attachments';
import { InformationRequestsService } from './information-requests.service';
import { PpidQueueController } from './ppid-queue.controller';
import { PpidQueueService } from './ppid-queue.service';
import { PublicPpidController } from './public-ppid.controller';
import { PpidPagesController } from './ppid-pages.controller';
import { ReportPagesController } from './report-pages.controller';
import { ReportPagesService } from './report-pages.service';
import { RequesterDataRetention } from './requester-data-retention';
import { PpidPagesService } from './ppid-pages.service';
import { PpidDecisionsController } from './ppid-decisions.controller';
import { PpidDecisionsService } from './ppid-decisions.service';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';
import { PpidRegisterController, PublicPpidReportController } from './ppid-report.controller';
import { PpidReportService } from './ppid-report.service';

/** Citizens' information requests to each OPD's PPID, and their objections to its atasan (UU 14/2008). */
@Module({
  imports: [
    PublicModule,
    CalendarModule,
    AuditModule,
    AnonymousThrottleModule,
    AbuseModule,
    CryptoModule,
    ModerationModule,
    MediaModule,
  ],
  controllers: [
    PublicPpidController,
    PpidQueueController,
    PpidDecisionsController,
    ObjectionsController,
    PpidRegisterController,
    PublicPpidReportController,
    PpidPagesController,
    ReportPagesController,
  ],
  providers: [
    AnswerAttachments,
    InformationRequestsService,
    PpidQueueService,
    PpidPagesService,
    PpidDecisionsService,
    ObjectionsService,
    PpidReportService,
    ReportPagesService,
    RequesterDataRetention,
    Mailer,
  ],
})
export class PpidModule {}
