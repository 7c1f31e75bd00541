import { Global, Module } from '@nestjs/common';
import { QueueMetrics } from './queue-metrics';
import { SiteBuildQueue } from './site-build-queue';

@Global()
@Module({ providers: [SiteBuildQueue, QueueMetrics], exports: [SiteBuildQueue] })
export class QueueModule {}
