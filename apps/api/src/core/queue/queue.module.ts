import { Global, Module } from '@nestjs/common';
import { SiteBuildQueue } from './site-build-queue';

@Global()
@Module({ providers: [SiteBuildQueue], exports: [SiteBuildQueue] })
export class QueueModule {}
