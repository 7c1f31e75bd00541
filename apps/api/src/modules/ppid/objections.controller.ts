import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import { ObjectionDecisionDto, ObjectionDto, ObjectionPageDto, QueueQueryDto } from './ppid.dto';
import { ObjectionsService } from './objections.service';

/** The atasan PPID's desk: objections to the PPID's answers, each on its 30-working-day clock. */
@ApiTags('PPID')
@Controller('tenants/:tenant/ppid/objections')
export class ObjectionsController {
  constructor(@Inject(ObjectionsService) private readonly objections: ObjectionsService) {}

  @Get()
  @TenantEndpoint({
    summary:
      'Antrean keberatan atas jawaban PPID, dengan tenggat hari kerja atasan PPID (tanpa data pribadi)',
    minRole: 'contributor',
    duties: ['ppid_superior', 'ppid_officer'],
  })
  @ApiOkResponse({ type: ObjectionPageDto })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: QueueQueryDto): Promise<ObjectionPageDto> {
    return this.objections.queue(tenant, query);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @TenantEndpoint({
    summary:
      'Jawaban atasan PPID atas keberatan: diterima atau ditolak, dengan alasan (pemohon diberi tahu, juga batas ke Komisi Informasi)',
    minRole: 'contributor',
    duties: ['ppid_superior'],
    errors: [404, 409],
  })
  @ApiOkResponse({ type: ObjectionDto })
  decide(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: ObjectionDecisionDto,
  ): Promise<ObjectionDto> {
    return this.objections.decide(tenant, id, body);
  }
}
