import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MediaModule } from '../media/media.module';
import { PublicModule } from '../public/public.module';
import { CityImportsController } from './city-imports.controller';
import { CityImportsService } from './city-imports.service';
import { OldAddressController } from './old-address.controller';
import { OldAddresses } from './old-addresses';
import { ImportJobs } from './import-jobs';
import { ImportQueueing } from './import-queueing';
import { ImportUndo } from './import-undo';
import { WordpressImporter } from './importer';
import { WordpressImportController } from './wordpress-import.controller';
import { WordpressImportService } from './wordpress-import.service';

@Module({
  imports: [ContentModule, MediaModule, PublicModule],
  controllers: [WordpressImportController, CityImportsController, OldAddressController],
  providers: [
    WordpressImportService,
    WordpressImporter,
    ImportJobs,
    ImportQueueing,
    CityImportsService,
    ImportUndo,
    OldAddresses,
  ],
  exports: [WordpressImportService],
})
export class WordpressImportModule {}
