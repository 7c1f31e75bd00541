import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { SiteSettingsDto, UpdateSiteSettingsDto } from './site-settings.dto';
import { SiteSettingsService } from './site-settings.service';

@ApiTags('Pengaturan situs')
@Controller('tenants/:tenant/settings')
export class SiteSettingsController {
  constructor(@Inject(SiteSettingsService) private readonly settings: SiteSettingsService) {}

  @Get()
  @TenantEndpoint({ summary: 'Pengaturan situs OPD', minRole: 'contributor', monitorMayRead: true })
  @ApiOkResponse({ type: SiteSettingsDto })
  get(@CurrentTenant() tenant: TenantContext): Promise<SiteSettingsDto> {
    return this.settings.get(tenant);
  }

  @Put()
  @TenantEndpoint({
    summary: 'Simpan pengaturan situs (kontak, merek, menu, footer, kanal pengaduan)',
    description: 'Langsung berlaku di situs publik.',
    minRole: 'tenant_admin',
    errors: [409],
  })
  @ApiOkResponse({ type: SiteSettingsDto })
  update(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: UpdateSiteSettingsDto,
  ): Promise<SiteSettingsDto> {
    return this.settings.update(tenant, body.version, body.settings);
  }
}
