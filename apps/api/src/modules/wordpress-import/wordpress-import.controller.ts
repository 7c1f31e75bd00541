import { Body, Controller, Get, HttpCode, Inject, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Request } from 'express';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { type UploadedFile } from '../../core/http/single-file-upload';
import { UuidParam } from '../../core/http/uuid-param';
import { ExportUploadInterceptor, ImportUploadInterceptor } from './export-upload.interceptor';
import {
  ExportFileFormDto,
  ImportFilesFormDto,
  ImportFormFieldsDto,
  ImportReportDto,
  ImportRunDetailDto,
  ImportRunDto,
  ImportRunsDto,
} from './wordpress-import.dto';
import { toRunDetailDto, toRunDto } from './import-run.dto-map';
import { WordpressImportService } from './wordpress-import.service';

type FilesRequest = Request & { files?: Record<string, UploadedFile[] | undefined> };

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

  @Post()
  @HttpCode(202)
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportFilesFormDto })
  @PlatformEndpoint({
    summary: 'Antrekan impor situs WordPress ke OPD ini (ekspor, dan arsip unggahan bila ada)',
    description:
      'Kedua berkas diperiksa dulu (yang rusak atau berbahaya ditolak dengan alasannya), lalu impor menunggu giliran di antrean. Impor ulang berkas yang sama tidak menggandakan apa pun.',
    roles: ['platform_admin'],
    errors: [404, 409, 413, 422],
  })
  @ApiAcceptedResponse({ type: ImportRunDto })
  async queue(
    @UuidParam('tenantId') tenantId: string,
    @CurrentPrincipal() actor: Principal,
    @Req() request: FilesRequest,
    @Body() form: ImportFormFieldsDto,
  ): Promise<ImportRunDto> {
    const files = request.files ?? {};
    return toRunDto(
      await this.imports.queue(
        tenantId,
        actor,
        files['file']?.[0],
        files['uploads']?.[0],
        form.fetchFrom ?? null,
      ),
    );
  }

  @Get()
  @PlatformEndpoint({
    summary: 'Impor WordPress ke OPD ini, terbaru dulu',
    roles: ['platform_admin'],
    errors: [404],
  })
  @ApiOkResponse({ type: ImportRunsDto })
  async list(@UuidParam('tenantId') tenantId: string): Promise<ImportRunsDto> {
    return { items: (await this.imports.list(tenantId)).map(toRunDto) };
  }

  @Post(':importId/undo')
  @HttpCode(200)
  @PlatformEndpoint({
    summary:
      'Batalkan impor: semua yang masuk dari situs lama dihapus, selama belum ada yang diubah di Laman',
    description:
      'Berita, halaman, dokumen (yang terbit ikut turun dari situs) dan berkasnya dihapus dalam satu langkah. Bila ada yang sudah diubah atau dipakai konten lain sejak diimpor, tidak ada yang dihapus (409, dengan namanya).',
    roles: ['platform_admin'],
    errors: [404, 409],
  })
  @ApiOkResponse({ type: ImportRunDto })
  async undo(
    @UuidParam('tenantId') tenantId: string,
    @UuidParam('importId') importId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ImportRunDto> {
    return toRunDto(await this.imports.undo(tenantId, importId, actor));
  }

  @Get(':importId')
  @PlatformEndpoint({
    summary: 'Satu impor: kemajuan, jumlah, dan laporan (gagal, ditahan, dipertahankan, perlu diperiksa)',
    roles: ['platform_admin'],
    errors: [404],
  })
  @ApiOkResponse({ type: ImportRunDetailDto })
  async get(
    @UuidParam('tenantId') tenantId: string,
    @UuidParam('importId') importId: string,
  ): Promise<ImportRunDetailDto> {
    return toRunDetailDto(await this.imports.get(tenantId, importId));
  }
}
