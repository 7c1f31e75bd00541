import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import {
  CreateTenantDto,
  ProvisionedTenantDto,
  SuspendTenantDto,
  TenantDto,
  TenantListQueryDto,
  TenantPageDto,
  toTenantDto,
  UpdateTenantDto,
} from './dto/tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('Platform: OPD')
@Controller('admin/tenants')
export class AdminTenantsController {
  constructor(@Inject(TenantsService) private readonly tenants: TenantsService) {}

  @Get()
  @PlatformEndpoint({ summary: 'Daftar semua OPD', roles: ['platform_admin', 'monitor'] })
  @ApiOkResponse({ type: TenantPageDto })
  async list(@Query() query: TenantListQueryDto): Promise<TenantPageDto> {
    const [items, total] = await this.tenants.list(query);
    return { items: items.map(toTenantDto), total };
  }

  @Post()
  @PlatformEndpoint({
    summary: 'Buat OPD baru beserta admin pertamanya',
    description:
      'Admin pertama yang belum punya akun mendapat tautan undangan sekali pakai, hanya ditampilkan di respons ini.',
    roles: ['platform_admin'],
    errors: [409],
  })
  @ApiCreatedResponse({ type: ProvisionedTenantDto })
  provision(
    @Body() body: CreateTenantDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ProvisionedTenantDto> {
    return this.tenants.provision(body, actor);
  }

  @Get(':tenantId')
  @PlatformEndpoint({ summary: 'Detail OPD', roles: ['platform_admin', 'monitor'], errors: [404] })
  @ApiOkResponse({ type: TenantDto })
  async get(@UuidParam('tenantId') id: string): Promise<TenantDto> {
    return toTenantDto(await this.tenants.get(id));
  }

  @Patch(':tenantId')
  @PlatformEndpoint({ summary: 'Ubah data OPD', roles: ['platform_admin'], errors: [404, 409] })
  @ApiOkResponse({ type: TenantDto })
  async update(
    @UuidParam('tenantId') id: string,
    @Body() body: UpdateTenantDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TenantDto> {
    return toTenantDto(await this.tenants.update(id, body, actor));
  }

  @Post(':tenantId/suspend')
  @HttpCode(200)
  @PlatformEndpoint({
    summary: 'Nonaktifkan OPD',
    description: 'Pengguna OPD masih bisa membaca tetapi tidak bisa menyimpan perubahan.',
    roles: ['platform_admin'],
    errors: [404, 409],
  })
  @ApiOkResponse({ type: TenantDto })
  async suspend(
    @UuidParam('tenantId') id: string,
    @Body() body: SuspendTenantDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TenantDto> {
    return toTenantDto(await this.tenants.setStatus(id, 'suspended', actor, body.reason));
  }

  @Post(':tenantId/reactivate')
  @HttpCode(200)
  @PlatformEndpoint({ summary: 'Aktifkan kembali OPD', roles: ['platform_admin'], errors: [404, 409] })
  @ApiOkResponse({ type: TenantDto })
  async reactivate(
    @UuidParam('tenantId') id: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TenantDto> {
    return toTenantDto(await this.tenants.setStatus(id, 'active', actor));
  }
}
