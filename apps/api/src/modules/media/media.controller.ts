import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Patch,
  Post,
  Put,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Request } from 'express';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import { VersionQueryDto } from '../content/dto/content.dto';
import {
  MediaDto,
  MediaListQueryDto,
  MediaPageDto,
  MediaUsageDto,
  ReplaceMediaDto,
  ReplaceMediaFormDto,
  UpdateMediaDto,
  UploadMediaDto,
  UploadMediaFormDto,
} from './media.dto';
import { MediaService } from './media.service';
import { UploadInterceptor } from './upload.interceptor';

@ApiTags('Pustaka media')
@Controller('tenants/:tenant/media')
export class MediaController {
  constructor(@Inject(MediaService) private readonly media: MediaService) {}

  @Post()
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadMediaFormDto })
  @TenantEndpoint({
    summary: 'Unggah foto atau dokumen',
    description:
      'Jenis ditentukan dari isi berkas. Foto: EXIF dibuang, varian 320–1600 px (AVIF, WebP, JPEG). Batas: foto 20 MB, dokumen 50 MB, kuota OPD (dapat diatur).',
    minRole: 'contributor',
    errors: [413, 415],
  })
  @ApiCreatedResponse({ type: MediaDto })
  upload(
    @CurrentTenant() tenant: TenantContext,
    @Req() request: Request,
    @Body() body: UploadMediaDto,
  ): Promise<MediaDto> {
    return this.media.upload(tenant, request.file, body);
  }

  @Get()
  @TenantEndpoint({
    summary: 'Pustaka media (cari, saring jenis)',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: MediaPageDto })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: MediaListQueryDto): Promise<MediaPageDto> {
    return this.media.list(tenant, query);
  }

  @Get(':id')
  @TenantEndpoint({
    summary: 'Detail berkas dengan varian dan srcset',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: MediaDto })
  get(@CurrentTenant() tenant: TenantContext, @UuidParam('id') id: string): Promise<MediaDto> {
    return this.media.get(tenant, id);
  }

  @Patch(':id')
  @TenantEndpoint({ summary: 'Ubah teks alternatif dan keterangan', minRole: 'contributor', errors: [409] })
  @ApiOkResponse({ type: MediaDto })
  update(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: UpdateMediaDto,
  ): Promise<MediaDto> {
    const { version, ...patch } = body;
    return this.media.update(tenant, id, version, patch);
  }

  @Put(':id/file')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ReplaceMediaFormDto })
  @TenantEndpoint({
    summary: 'Ganti berkas, id tetap (konten yang memakainya ikut berganti)',
    minRole: 'editor',
    errors: [409, 413, 415],
  })
  @ApiOkResponse({ type: MediaDto })
  replace(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Req() request: Request,
    @Body() body: ReplaceMediaDto,
  ): Promise<MediaDto> {
    return this.media.replace(tenant, id, body.version, request.file);
  }

  @Get(':id/usage')
  @TenantEndpoint({ summary: 'Konten yang memakai berkas ini', minRole: 'contributor', monitorMayRead: true })
  @ApiOkResponse({ type: [MediaUsageDto] })
  usage(@CurrentTenant() tenant: TenantContext, @UuidParam('id') id: string): Promise<MediaUsageDto[]> {
    return this.media.usage(tenant, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @TenantEndpoint({
    summary: 'Hapus berkas (ditolak bila dipakai konten terbit; jawaban menyebut kontennya)',
    minRole: 'editor',
    errors: [409],
  })
  @ApiNoContentResponse({ description: 'Dihapus' })
  remove(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Query() query: VersionQueryDto,
  ): Promise<void> {
    return this.media.remove(tenant, id, query.version);
  }
}
