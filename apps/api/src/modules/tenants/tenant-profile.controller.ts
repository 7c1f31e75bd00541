import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { TenantDto, toTenantDto, UpdateTenantContactDto } from './dto/tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('Profil OPD')
@Controller('tenants/:tenant')
export class TenantProfileController {
  constructor(@Inject(TenantsService) private readonly tenants: TenantsService) {}

  @Get()
  @TenantEndpoint({ summary: 'Profil OPD', minRole: 'contributor', monitorMayRead: true })
  @ApiOkResponse({ type: TenantDto })
  async get(@CurrentTenant() tenant: TenantContext): Promise<TenantDto> {
    return toTenantDto(await this.tenants.profile(tenant));
  }

  @Patch()
  @TenantEndpoint({ summary: 'Ubah kontak OPD dan aturan editor kedua', minRole: 'tenant_admin' })
  @ApiOkResponse({ type: TenantDto })
  async updateContact(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: UpdateTenantContactDto,
  ): Promise<TenantDto> {
    return toTenantDto(await this.tenants.updateContact(tenant, body));
  }
}
