import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ContentItemsController } from './content-items.controller';
import { ContentItemsRepository, ContentRevisionsRepository } from './content.repositories';
import { ContentService } from './content.service';
import { ContentStore } from './content-store';
import { contentTypeController } from './content-type.controller';
import { PublishedContentRepository } from './published-content.repository';
import { PublishingService } from './publishing.service';
import { ScheduledPublisher } from './scheduled-publisher';
import { SiteChangesRepository } from './site-changes.repository';
import { CONTENT_TYPE_REGISTRY } from './types/registry';

@Module({
  imports: [AuditModule],
  controllers: [...Object.values(CONTENT_TYPE_REGISTRY).map(contentTypeController), ContentItemsController],
  providers: [
    ContentItemsRepository,
    ContentRevisionsRepository,
    PublishedContentRepository,
    SiteChangesRepository,
    ContentStore,
    ContentService,
    PublishingService,
    ScheduledPublisher,
  ],
  exports: [PublishedContentRepository, SiteChangesRepository, ScheduledPublisher],
})
export class ContentModule {}
