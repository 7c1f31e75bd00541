import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { PlatformEndpoint, TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import {
  CityDigestsDto,
  CityDigestsQueryDto,
  DigestRunDto,
  DigestSubscriptionDto,
  TenantDigestsDto,
} from './digests.dto';
import { DigestsService } from './digests.service';

/** How long a platform admin's "write this week's digests now" may work before answering. */
const ADMIN_RUN_BUDGET_MS = 5_000;

@ApiTags('Pemantauan kota')
@Controller()
export class DigestsController {
  constructor(@Inject(DigestsService) private readonly digests: DigestsService) {}

  @Get('tenants/:tenant/digests')
  @TenantEndpoint({
    summary: 'Ringkasan mingguan OPD ini (yang kurang dan yang segera lewat tenggat) dan status kirimnya',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: TenantDigestsDto })
  list(@CurrentTenant() tenant: TenantContext): Promise<TenantDigestsDto> {
    return this.digests.forTenant(tenant.tenantId);
  }

  @Put('tenants/:tenant/digest-subscription')
  @TenantEndpoint({
    summary: 'Berhenti atau kembali menerima surel ringkasan mingguan',
    minRole: 'tenant_admin',
  })
  @ApiOkResponse({ type: DigestSubscriptionDto })
  subscribe(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: DigestSubscriptionDto,
  ): Promise<DigestSubscriptionDto> {
    return this.digests.setOptOut(tenant.tenantId, body.optOut);
  }

  @Get('admin/digests')
  @PlatformEndpoint({
    summary: 'Ringkasan kota mingguan dan status kirim ringkasan OPD, per halaman',
    roles: ['platform_admin', 'monitor'],
    errors: [400],
  })
  @ApiOkResponse({ type: CityDigestsDto })
  city(@Query() query: CityDigestsQueryDto): Promise<CityDigestsDto> {
    return this.digests.city(query);
  }

  @Post('admin/digests/run')
  @HttpCode(200)
  @PlatformEndpoint({
    summary: 'Tulis dan kirim ringkasan minggu ini sekarang (yang sudah ada tidak dikirim ulang)',
    roles: ['platform_admin'],
  })
  @ApiOkResponse({ type: DigestRunDto })
  run(): Promise<DigestRunDto> {
    // Someone is waiting: a longer turn than a background pass; what is left goes on in the next passes.
    return this.digests.sendDue(new Date(), true, ADMIN_RUN_BUDGET_MS);
  }
}
