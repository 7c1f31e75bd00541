import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import { QueuePageDto, QueueQueryDto, RequestDetailDto } from './ppid.dto';
import { PpidQueueService } from './ppid-queue.service';

@ApiTags('PPID')
@Controller('tenants/:tenant/ppid/requests')
export class PpidQueueController {
  constructor(@Inject(PpidQueueService) private readonly queue: PpidQueueService) {}

  @Get()
  @TenantEndpoint({
    summary: 'Antrean permohonan informasi OPD ini dengan tenggat hari kerjanya (tanpa data pribadi)',
    minRole: 'contributor',
    duties: ['ppid_officer', 'ppid_superior'],
    errors: [400],
  })
  @ApiOkResponse({ type: QueuePageDto })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: QueueQueryDto): Promise<QueuePageDto> {
    return this.queue.queue(tenant, query);
  }

  @Get(':id')
  @TenantEndpoint({
    summary: 'Satu permohonan dengan data pribadi pemohon (setiap pembukaan tercatat di log audit)',
    minRole: 'contributor',
    duties: ['ppid_officer', 'ppid_superior'],
    errors: [400],
  })
  @ApiOkResponse({ type: RequestDetailDto })
  open(@CurrentTenant() tenant: TenantContext, @UuidParam('id') id: string): Promise<RequestDetailDto> {
    return this.queue.open(tenant, id);
  }
}
