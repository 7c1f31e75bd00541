import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentTenant } from '../../core/access/current.decorators';
import { PlatformEndpoint, PublicEndpoint, TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal, type TenantContext } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import {
  CityHistoryQueryDto,
  CityTrendDto,
  HistoryQueryDto,
  OversightPageDto,
  OversightQueryDto,
  ScorePointDto,
  TenantCompletenessDto,
} from './oversight.dto';
import { OversightService } from './oversight.service';
import { ScoreHistoryService } from './score-history.service';
import {
  CityPolicyDto,
  CityPolicyViewDto,
  TenantPolicyOverrideDto,
  TenantPolicyViewDto,
  TransparencyRowDto,
} from './policy.dto';
import { PolicyService } from './policy.service';

@ApiTags('Pemantauan kota')
@Controller()
export class OversightController {
  constructor(
    @Inject(OversightService) private readonly oversight: OversightService,
    @Inject(ScoreHistoryService) private readonly history: ScoreHistoryService,
    @Inject(PolicyService) private readonly policies: PolicyService,
  ) {}

  @Get('public/city/transparency')
  @PublicEndpoint({
    summary:
      'Kategori kelengkapan situs tiap OPD untuk halaman keterbukaan portal kota (kosong bila kota tidak mengaktifkannya)',
  })
  @ApiOkResponse({ type: [TransparencyRowDto] })
  async transparency(): Promise<TransparencyRowDto[]> {
    if (!(await this.policies.cityPolicy()).publicTransparency) return [];
    return (await this.oversight.summary()).map(({ slug, name, kind, score, band, bandLabel }) => ({
      slug,
      name,
      kind,
      score,
      band,
      bandLabel,
    }));
  }

  @Get('admin/oversight/policy')
  @PlatformEndpoint({
    summary: 'Kebijakan kota: hal yang wajib ada di setiap situs OPD dan irama pembaruannya',
    roles: ['platform_admin', 'monitor'],
  })
  @ApiOkResponse({ type: CityPolicyViewDto })
  cityPolicy(): Promise<CityPolicyViewDto> {
    return this.policies.viewCity();
  }

  @Put('admin/oversight/policy')
  @PlatformEndpoint({
    summary: 'Ubah kebijakan kota (skor semua OPD dihitung ulang)',
    roles: ['platform_admin'],
  })
  @ApiOkResponse({ type: CityPolicyViewDto })
  saveCityPolicy(
    @Body() body: CityPolicyDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CityPolicyViewDto> {
    return this.policies.saveCity(body, actor);
  }

  @Get('admin/tenants/:tenantId/oversight-policy')
  @PlatformEndpoint({
    summary: 'Perbedaan kebijakan satu OPD dari kebijakan kota, dan kebijakan yang berlaku baginya',
    roles: ['platform_admin', 'monitor'],
    errors: [404],
  })
  @ApiOkResponse({ type: TenantPolicyViewDto })
  tenantPolicy(@UuidParam('tenantId') tenantId: string): Promise<TenantPolicyViewDto> {
    return this.policies.viewTenant(tenantId);
  }

  @Put('admin/tenants/:tenantId/oversight-policy')
  @PlatformEndpoint({
    summary: 'Atur perbedaan kebijakan satu OPD (kosong: ikut kebijakan kota)',
    roles: ['platform_admin'],
    errors: [404],
  })
  @ApiOkResponse({ type: TenantPolicyViewDto })
  saveTenantPolicy(
    @UuidParam('tenantId') tenantId: string,
    @Body() body: TenantPolicyOverrideDto,
  ): Promise<TenantPolicyViewDto> {
    return this.policies.saveTenant(tenantId, body);
  }

  @Get('admin/oversight')
  @PlatformEndpoint({
    summary:
      'Skor kelengkapan dan kemutakhiran situs OPD aktif per halaman (terendah dulu), dengan alasannya dan ringkasan kota',
    roles: ['platform_admin', 'monitor'],
    errors: [400],
  })
  @ApiOkResponse({ type: OversightPageDto })
  overview(@Query() query: OversightQueryDto): Promise<OversightPageDto> {
    return this.oversight.overview(query);
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
    summary: 'Rata-rata skor kota per hari, dan riwayat harian OPD yang diminta, untuk grafik tren',
    roles: ['platform_admin', 'monitor'],
    errors: [400],
  })
  @ApiOkResponse({ type: CityTrendDto })
  cityHistory(@Query() query: CityHistoryQueryDto): Promise<CityTrendDto> {
    return this.history.city(query.days, query.tenants);
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
