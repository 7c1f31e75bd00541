import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { PlatformEndpoint, TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { CityTrendDto, HistoryQueryDto, ScorePointDto, TenantCompletenessDto } from './oversight.dto';
import { OversightService } from './oversight.service';
import { ScoreHistoryService } from './score-history.service';

@ApiTags('Pemantauan kota')
@Controller()
export class OversightController {
  constructor(
    @Inject(OversightService) private readonly oversight: OversightService,
    @Inject(ScoreHistoryService) private readonly history: ScoreHistoryService,
  ) {}

  @Get('admin/oversight')
  @PlatformEndpoint({
    summary: 'Skor kelengkapan dan kemutakhiran situs semua OPD aktif (terendah dulu), dengan alasannya',
    roles: ['platform_admin', 'monitor'],
  })
  @ApiOkResponse({ type: [TenantCompletenessDto] })
  overview(): Promise<TenantCompletenessDto[]> {
    return this.oversight.overview();
  }

  @Get('tenants/:tenant/oversight')
  @TenantEndpoint({
    summary: 'Skor situs OPD ini dan daftar yang belum ada atau lewat tenggat (daftar tugas editor)',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: TenantCompletenessDto })
  tenant(@CurrentTenant() tenant: TenantContext): Promise<TenantCompletenessDto> {
    return this.oversight.forTenant(tenant.tenantId);
  }

  @Get('admin/oversight/history')
  @PlatformEndpoint({
    summary: 'Riwayat skor harian semua OPD aktif dan rata-rata kota, untuk grafik tren',
    roles: ['platform_admin', 'monitor'],
    errors: [400],
  })
  @ApiOkResponse({ type: CityTrendDto })
  cityHistory(@Query() query: HistoryQueryDto): Promise<CityTrendDto> {
    return this.history.city(query.days);
  }

  @Get('tenants/:tenant/oversight/history')
  @TenantEndpoint({
    summary: 'Riwayat skor harian OPD ini, untuk grafik tren',
    minRole: 'contributor',
    monitorMayRead: true,
    errors: [400],
  })
  @ApiOkResponse({ type: [ScorePointDto] })
  tenantHistory(
    @CurrentTenant() tenant: TenantContext,
    @Query() query: HistoryQueryDto,
  ): Promise<ScorePointDto[]> {
    return this.history.forTenant(tenant.tenantId, query.days);
  }
}
