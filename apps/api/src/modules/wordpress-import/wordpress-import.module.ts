import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MediaModule } from '../media/media.module';
import { ImportJobs } from './import-jobs';
import { WordpressImporter } from './importer';
import { WordpressImportController } from './wordpress-import.controller';
import { WordpressImportService } from './wordpress-import.service';

@Module({
  imports: [ContentModule, MediaModule],
  controllers: [WordpressImportController],
  providers: [WordpressImportService, WordpressImporter, ImportJobs],
  exports: [WordpressImportService],
})
export class WordpressImportModule {}
