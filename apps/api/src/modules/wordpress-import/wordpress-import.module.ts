import { Module } from '@nestjs/common';
import { WordpressImportController } from './wordpress-import.controller';
import { WordpressImportService } from './wordpress-import.service';

@Module({
  controllers: [WordpressImportController],
  providers: [WordpressImportService],
})
export class WordpressImportModule {}
