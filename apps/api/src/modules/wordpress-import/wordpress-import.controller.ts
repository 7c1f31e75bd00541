import { Controller, HttpCode, Inject, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Request } from 'express';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { UuidParam } from '../../core/http/uuid-param';
import { ExportUploadInterceptor } from './export-upload.interceptor';
import { ExportFileFormDto, ImportReportDto } from './wordpress-import.dto';
import { WordpressImportService } from './wordpress-import.service';

@ApiTags('Impor WordPress')
@Controller('admin/tenants/:tenantId/wordpress-import')
export class WordpressImportController {
  constructor(@Inject(WordpressImportService) private readonly imports: WordpressImportService) {}

  @Post('dry-run')
  @HttpCode(200)
  @UseInterceptors(ExportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ExportFileFormDto })
  @PlatformEndpoint({
    summary:
      'Uji coba impor situs WordPress: apa yang akan masuk, dilewati, dan perlu diperiksa (tanpa menulis)',
    description:
      'Berkas ekspor WordPress (Alat → Ekspor) dibaca sebagai aliran. Berkas yang rusak atau berbahaya (DOCTYPE, entitas, isian raksasa) ditolak dengan alasannya.',
    roles: ['platform_admin'],
    errors: [404, 413, 422],
  })
  @ApiOkResponse({ type: ImportReportDto })
  dryRun(@UuidParam('tenantId') tenantId: string, @Req() request: Request): Promise<ImportReportDto> {
    return this.imports.dryRun(tenantId, request.file);
  }
}
