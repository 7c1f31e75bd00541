import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MediaModule } from '../media/media.module';
import { PublicModule } from '../public/public.module';
import { PageRenderer } from './page-renderer';
import { PreviewController } from './preview.controller';
import { PreviewService } from './preview.service';

@Module({
  imports: [ContentModule, PublicModule, MediaModule],
  controllers: [PreviewController],
  providers: [PageRenderer, PreviewService],
})
export class PreviewModule {}
