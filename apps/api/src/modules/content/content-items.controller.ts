import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { IntParam } from '../../core/http/int-param';
import { UuidParam } from '../../core/http/uuid-param';
import { ContentService } from './content.service';
import {
  AllContentListQueryDto,
  ContentItemDto,
  ContentPageDto,
  DiffQueryDto,
  ForcePublishDto,
  ReturnForChangesDto,
  RevisionDetailDto,
  RevisionDiffDto,
  RevisionDto,
  ScheduleDto,
  VersionDto,
  VersionQueryDto,
} from './dto/content.dto';
import { PublishingService } from './publishing.service';

/** Workflow, revisions and deletion: the same for every content type, addressed by item id. */
@ApiTags('Konten: alur kerja dan revisi')
@Controller('tenants/:tenant/content')
export class ContentItemsController {
  constructor(
    @Inject(ContentService) private readonly content: ContentService,
    @Inject(PublishingService) private readonly publishing: PublishingService,
  ) {}

  @Get()
  @TenantEndpoint({
    summary: 'Semua konten OPD (filter jenis, status, milik saya, perlu review susulan)',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: ContentPageDto })
  list(
    @CurrentTenant() tenant: TenantContext,
    @Query() query: AllContentListQueryDto,
  ): Promise<ContentPageDto> {
    return this.content.list(tenant, query);
  }

  @Get('items/:id')
  @TenantEndpoint({ summary: 'Detail konten apa pun jenisnya', minRole: 'contributor', monitorMayRead: true })
  @ApiOkResponse({ type: ContentItemDto })
  get(@CurrentTenant() tenant: TenantContext, @UuidParam('id') id: string): Promise<ContentItemDto> {
    return this.content.get(tenant, id);
  }

  @Delete('items/:id')
  @HttpCode(204)
  @TenantEndpoint({
    summary: 'Hapus konten (yang tampil di situs ikut turun)',
    description: 'Kontributor hanya dapat menghapus draf miliknya yang belum pernah terbit.',
    minRole: 'contributor',
    errors: [409],
  })
  @ApiNoContentResponse({ description: 'Dihapus' })
  remove(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Query() query: VersionQueryDto,
  ): Promise<void> {
    return this.content.remove(tenant, id, query.version);
  }

  @Post('items/:id/submit')
  @HttpCode(200)
  @TenantEndpoint({ summary: 'Ajukan review', minRole: 'contributor', errors: [409] })
  @ApiOkResponse({ type: ContentItemDto })
  submit(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: VersionDto,
  ): Promise<ContentItemDto> {
    return this.publishing.submit(tenant, id, body.version);
  }

  @Post('items/:id/return')
  @HttpCode(200)
  @TenantEndpoint({ summary: 'Kembalikan dengan catatan', minRole: 'editor', errors: [409] })
  @ApiOkResponse({ type: ContentItemDto })
  returnForChanges(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: ReturnForChangesDto,
  ): Promise<ContentItemDto> {
    return this.publishing.returnForChanges(tenant, id, body.version, body.comment);
  }

  @Post('items/:id/publish')
  @HttpCode(200)
  @TenantEndpoint({
    summary: 'Terbitkan (menyetujui bila diajukan kontributor)',
    minRole: 'editor',
    errors: [409],
  })
  @ApiOkResponse({ type: ContentItemDto })
  publish(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: VersionDto,
  ): Promise<ContentItemDto> {
    return this.publishing.publish(tenant, id, body.version);
  }

  @Post('items/:id/schedule')
  @HttpCode(200)
  @TenantEndpoint({
    summary: 'Jadwalkan terbit',
    description: 'Terbit dalam satu menit setelah waktunya, sekali saja.',
    minRole: 'editor',
    errors: [409],
  })
  @ApiOkResponse({ type: ContentItemDto })
  schedule(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: ScheduleDto,
  ): Promise<ContentItemDto> {
    return this.publishing.schedule(tenant, id, body.version, new Date(body.publishAt));
  }

  @Post('items/:id/unschedule')
  @HttpCode(200)
  @TenantEndpoint({ summary: 'Batalkan jadwal terbit', minRole: 'editor', errors: [409] })
  @ApiOkResponse({ type: ContentItemDto })
  unschedule(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: VersionDto,
  ): Promise<ContentItemDto> {
    return this.publishing.unschedule(tenant, id, body.version);
  }

  @Post('items/:id/unpublish')
  @HttpCode(200)
  @TenantEndpoint({ summary: 'Tarik dari situs', minRole: 'editor', errors: [409] })
  @ApiOkResponse({ type: ContentItemDto })
  unpublish(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: VersionDto,
  ): Promise<ContentItemDto> {
    return this.publishing.unpublish(tenant, id, body.version);
  }

  @Post('items/:id/force-publish')
  @HttpCode(200)
  @TenantEndpoint({
    summary: 'Terbitkan paksa informasi serta-merta (dengan alasan)',
    description: 'Melewati aturan editor kedua; konten ditandai sampai editor atau admin lain mengonfirmasi.',
    minRole: 'editor',
    errors: [409],
  })
  @ApiOkResponse({ type: ContentItemDto })
  forcePublish(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: ForcePublishDto,
  ): Promise<ContentItemDto> {
    return this.publishing.forcePublish(tenant, id, body.version, body.reason);
  }

  @Post('items/:id/confirm-review')
  @HttpCode(200)
  @TenantEndpoint({
    summary: 'Konfirmasi review susulan atas konten terbit paksa',
    minRole: 'editor',
    errors: [409],
  })
  @ApiOkResponse({ type: ContentItemDto })
  confirmReview(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: VersionDto,
  ): Promise<ContentItemDto> {
    return this.publishing.confirmReview(tenant, id, body.version);
  }

  @Get('items/:id/revisions')
  @TenantEndpoint({ summary: 'Riwayat revisi', minRole: 'contributor', monitorMayRead: true })
  @ApiOkResponse({ type: [RevisionDto] })
  revisions(@CurrentTenant() tenant: TenantContext, @UuidParam('id') id: string): Promise<RevisionDto[]> {
    return this.content.revisions(tenant, id);
  }

  @Get('items/:id/revisions/:number')
  @TenantEndpoint({ summary: 'Isi satu revisi', minRole: 'contributor', monitorMayRead: true })
  @ApiOkResponse({ type: RevisionDetailDto })
  revision(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @IntParam('number') number: number,
  ): Promise<RevisionDetailDto> {
    return this.content.revision(tenant, id, number);
  }

  @Get('items/:id/revisions/:number/diff')
  @TenantEndpoint({
    summary: 'Perbedaan revisi dengan revisi sebelumnya (atau ?against=)',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: RevisionDiffDto })
  diff(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @IntParam('number') number: number,
    @Query() query: DiffQueryDto,
  ): Promise<RevisionDiffDto> {
    return this.content.diff(tenant, id, number, query.against);
  }

  @Post('items/:id/revisions/:number/restore')
  @HttpCode(200)
  @TenantEndpoint({
    summary: 'Pulihkan revisi (menjadi salinan kerja baru)',
    minRole: 'contributor',
    errors: [409],
  })
  @ApiOkResponse({ type: ContentItemDto })
  restore(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @IntParam('number') number: number,
    @Body() body: VersionDto,
  ): Promise<ContentItemDto> {
    return this.content.restore(tenant, id, number, body.version);
  }
}
