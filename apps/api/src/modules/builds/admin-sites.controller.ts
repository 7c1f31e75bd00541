import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { UuidParam } from '../../core/http/uuid-param';
import {
  PlatformAlertDto,
  PortalBuildDto,
  RebuildQueuedDto,
  RebuildSitesDto,
  RollbackSiteDto,
  SiteBuildDto,
  SitesPageDto,
  SitesQueryDto,
  toPlatformAlertDto,
  toSiteBuildDto,
} from './builds.dto';
import { BuildHistoryService } from './build-history.service';
import { SiteOperationsService } from './site-operations.service';

@ApiTags('Platform: situs')
@Controller('admin')
export class AdminSitesController {
  constructor(
    @Inject(SiteOperationsService) private readonly sites: SiteOperationsService,
    @Inject(BuildHistoryService) private readonly history: BuildHistoryService,
  ) {}

  @Get('sites')
  @PlatformEndpoint({
    summary:
      'Situs OPD aktif per halaman (yang bermasalah dulu): tiga build terakhir masing-masing, dengan keluaran pembangun',
    roles: ['platform_admin', 'monitor'],
    errors: [400],
  })
  @ApiOkResponse({ type: SitesPageDto })
  overview(@Query() query: SitesQueryDto): Promise<SitesPageDto> {
    return this.history.overview(query, 3);
  }

  @Get('portal/builds')
  @PlatformEndpoint({
    summary: 'Lima build terakhir portal kota, dengan keluaran pembangun',
    roles: ['platform_admin', 'monitor'],
  })
  @ApiOkResponse({ type: [PortalBuildDto] })
  portalBuilds(): Promise<PortalBuildDto[]> {
    return this.history.portalBuilds(5);
  }

  @Post('sites/rebuild')
  @HttpCode(202)
  @PlatformEndpoint({
    summary: 'Bangun ulang situs semua OPD aktif (atau yang disebut), mis. setelah tema berubah',
    description:
      'Build berjalan di latar belakang satu per satu dengan prioritas rendah; terbitan editor tetap didahulukan.',
    roles: ['platform_admin'],
    errors: [404],
  })
  @ApiOkResponse({ type: RebuildQueuedDto })
  rebuild(@Body() body: RebuildSitesDto, @CurrentPrincipal() actor: Principal): Promise<RebuildQueuedDto> {
    return this.sites.rebuild(body.tenants, actor);
  }

  @Post('tenants/:tenantId/site/rollback')
  @HttpCode(200)
  @PlatformEndpoint({
    summary: 'Kembalikan situs OPD ke build sebelumnya yang masih disimpan',
    roles: ['platform_admin'],
    errors: [404, 409],
  })
  @ApiOkResponse({ type: SiteBuildDto })
  async rollback(
    @UuidParam('tenantId') tenantId: string,
    @Body() body: RollbackSiteDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<SiteBuildDto> {
    return toSiteBuildDto(await this.sites.rollback(tenantId, body.buildId, actor));
  }

  @Post('tenants/:tenantId/site/rollback-clean')
  @HttpCode(200)
  @PlatformEndpoint({
    summary: 'Kembalikan situs OPD ke build bersih terakhir (tanpa spam) dalam satu langkah',
    description:
      'Memilih build terbaru yang tayang dengan pemeriksaan bersih dan masih disimpan, selain yang tayang sekarang.',
    roles: ['platform_admin'],
    errors: [404, 409],
  })
  @ApiOkResponse({ type: SiteBuildDto })
  async rollbackClean(
    @UuidParam('tenantId') tenantId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<SiteBuildDto> {
    return toSiteBuildDto(await this.sites.rollbackToLastClean(tenantId, actor));
  }

  @Get('alerts')
  @PlatformEndpoint({
    summary: 'Peringatan yang perlu ditangani, mis. build situs yang ditahan karena spam judi online',
    roles: ['platform_admin', 'monitor'],
  })
  @ApiOkResponse({ type: [PlatformAlertDto] })
  async alerts(@Query() page: PageQueryDto): Promise<PlatformAlertDto[]> {
    return (await this.sites.openAlerts(page)).map(toPlatformAlertDto);
  }
}
