import { Module } from '@nestjs/common';
import { QueueModule } from '../../core/queue/queue.module';
import { AuditModule } from '../audit/audit.module';
import { AdminSitesController } from './admin-sites.controller';
import { BuildHistoryService } from './build-history.service';
import { BuildMetrics } from './build-metrics';
import { BuildsController } from './builds.controller';
import { PlatformAlertsRepository } from './platform-alerts.repository';
import { SiteBuildsRepository } from './site-builds.repository';
import { SiteOperationsService } from './site-operations.service';

@Module({
  imports: [QueueModule, AuditModule],
  controllers: [BuildsController, AdminSitesController],
  providers: [
    SiteBuildsRepository,
    PlatformAlertsRepository,
    BuildHistoryService,
    SiteOperationsService,
    BuildMetrics,
  ],
  exports: [SiteBuildsRepository],
})
export class BuildsModule {}
