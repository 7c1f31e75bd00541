import { Module } from '@nestjs/common';
import { BuildsController } from './builds.controller';
import { SiteBuildsRepository } from './site-builds.repository';

@Module({
  controllers: [BuildsController],
  providers: [SiteBuildsRepository],
  exports: [SiteBuildsRepository],
})
export class BuildsModule {}
