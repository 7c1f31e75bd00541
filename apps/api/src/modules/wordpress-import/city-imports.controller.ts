import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Request } from 'express';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { type UploadedFile } from '../../core/http/single-file-upload';
import { CityImportsService } from './city-imports.service';
import { BatchUploadInterceptor } from './export-upload.interceptor';
import { toCityImportDto, toRunDto } from './import-run.dto-map';
import {
  BatchImportFieldsDto,
  BatchImportFormDto,
  CityImportsDto,
  CityImportsQueryDto,
  QueuedImportsDto,
} from './wordpress-import.dto';

@ApiTags('Impor WordPress')
@Controller('admin/wordpress-imports')
export class CityImportsController {
  constructor(@Inject(CityImportsService) private readonly imports: CityImportsService) {}

  @Get()
  @PlatformEndpoint({
    summary: 'Impor WordPress di seluruh kota: tiap OPD aktif dengan impor terakhirnya',
    description:
      'Yang berjalan, menunggu giliran dan gagal dulu, dengan kemajuan (entri selesai dari semua), jumlah, dan berapa entri laporan perlu dibaca; OPD yang belum pernah diimpor ikut (latest: null).',
    roles: ['platform_admin'],
    errors: [],
  })
  @ApiOkResponse({ type: CityImportsDto })
  async list(@Query() query: CityImportsQueryDto): Promise<CityImportsDto> {
    const page = await this.imports.overview(query);
    return { items: page.rows.map(toCityImportDto), total: page.total, counts: page.counts };
  }

  @Post()
  @HttpCode(202)
  @UseInterceptors(BatchUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: BatchImportFormDto })
  @PlatformEndpoint({
    summary: 'Antrekan impor WordPress untuk banyak OPD sekaligus (berkas bernama menurut slug OPD)',
    description:
      'Semua berkas diperiksa dulu; bila ada yang ditolak (nama, OPD, isi), semua alasannya dijawab menurut nama berkas dan tidak ada yang diantrekan. Impor berjalan satu per satu di antrean.',
    roles: ['platform_admin'],
    errors: [409, 413, 422],
  })
  @ApiAcceptedResponse({ type: QueuedImportsDto })
  async queue(
    @CurrentPrincipal() actor: Principal,
    @Req() request: Request & { files?: UploadedFile[] },
    @Body() form: BatchImportFieldsDto,
  ): Promise<QueuedImportsDto> {
    const queued = await this.imports.queueMany(actor, request.files ?? [], form.fetchUploads === true);
    return { items: queued.map(({ tenant, run }) => ({ tenant, run: toRunDto(run) })) };
  }
}
