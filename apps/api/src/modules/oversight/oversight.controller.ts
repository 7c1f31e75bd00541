import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { PlatformEndpoint, TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { TenantCompletenessDto } from './oversight.dto';
import { OversightService } from './oversight.service';

@ApiTags('Pemantauan kota')
@Controller()
export class OversightController {
  constructor(@Inject(OversightService) private readonly oversight: OversightService) {}

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
}
