import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { SiteBuildDto } from './builds.dto';
import { BuildHistoryService } from './build-history.service';

@ApiTags('Situs publik')
@Controller('tenants/:tenant/builds')
export class BuildsController {
  constructor(@Inject(BuildHistoryService) private readonly history: BuildHistoryService) {}

  @Get()
  @TenantEndpoint({
    summary: 'Riwayat build situs (terbaru dulu): "situs diperbarui pukul 10.42" atau alasannya',
    description: 'Build yang masih menunggu di antrean tampil paling atas dengan status queued.',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: [SiteBuildDto] })
  list(@CurrentTenant() tenant: TenantContext, @Query() page: PageQueryDto): Promise<SiteBuildDto[]> {
    return this.history.list(tenant.tenantId, page);
  }
}
