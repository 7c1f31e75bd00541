import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media/media.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SiteChangesModule } from '../site-changes/site-changes.module';
import { ContentItemsController } from './content-items.controller';
import { ContentItemsRepository, ContentRevisionsRepository } from './content.repositories';
import { ContentService } from './content.service';
import { ContentStore } from './content-store';
import { contentTypeController } from './content-type.controller';
import { PublishedContentRepository } from './published-content.repository';
import { PublishingService } from './publishing.service';
import { ScheduleMetrics } from './schedule-metrics';
import { ScheduledPublisher } from './scheduled-publisher';
import { CONTENT_TYPE_REGISTRY } from './types/registry';

@Module({
  imports: [AuditModule, SiteChangesModule, MediaModule, ModerationModule, NotificationsModule],
  controllers: [...Object.values(CONTENT_TYPE_REGISTRY).map(contentTypeController), ContentItemsController],
  providers: [
    ContentItemsRepository,
    ContentRevisionsRepository,
    PublishedContentRepository,
    ContentStore,
    ContentService,
    PublishingService,
    ScheduledPublisher,
    ScheduleMetrics,
  ],
  exports: [PublishedContentRepository, ScheduledPublisher, ContentStore, PublishingService, ContentService],
})
export class ContentModule {}
