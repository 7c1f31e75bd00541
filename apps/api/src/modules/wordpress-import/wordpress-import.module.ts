import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MediaModule } from '../media/media.module';
import { PublicModule } from '../public/public.module';
import { OldAddressController } from './old-address.controller';
import { OldAddresses } from './old-addresses';
import { ImportJobs } from './import-jobs';
import { ImportUndo } from './import-undo';
import { WordpressImporter } from './importer';
import { WordpressImportController } from './wordpress-import.controller';
import { WordpressImportService } from './wordpress-import.service';

@Module({
  imports: [ContentModule, MediaModule, PublicModule],
  controllers: [WordpressImportController, OldAddressController],
  providers: [WordpressImportService, WordpressImporter, ImportJobs, ImportUndo, OldAddresses],
  exports: [WordpressImportService],
})
export class WordpressImportModule {}
