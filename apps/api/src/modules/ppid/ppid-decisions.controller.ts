import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import { ClarificationDto, DecisionDto, ExtensionDto, ForwardDto, StepResultDto } from './ppid.dto';
import { PpidDecisionsService } from './ppid-decisions.service';

const OFFICER = {
  minRole: 'contributor' as const,
  duties: ['ppid_officer' as const],
  errors: [400, 404, 409],
};

@ApiTags('PPID')
@Controller('tenants/:tenant/ppid/requests/:id')
export class PpidDecisionsController {
  constructor(@Inject(PpidDecisionsService) private readonly decisions: PpidDecisionsService) {}

  @Post('clarification')
  @HttpCode(200)
  @TenantEndpoint({ summary: 'Meminta penjelasan pemohon (pemohon diberi tahu)', ...OFFICER })
  @ApiOkResponse({ type: StepResultDto })
  clarify(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: ClarificationDto,
  ): Promise<StepResultDto> {
    return this.decisions.clarify(tenant, id, body.message);
  }

  @Post('extension')
  @HttpCode(200)
  @TenantEndpoint({
    summary: 'Memperpanjang waktu jawaban sekali, 7 hari kerja, dengan alasan, sebelum batas lewat',
    ...OFFICER,
  })
  @ApiOkResponse({ type: StepResultDto })
  extend(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: ExtensionDto,
  ): Promise<StepResultDto> {
    return this.decisions.extend(tenant, id, body.reason);
  }

  @Post('decision')
  @HttpCode(200)
  @TenantEndpoint({
    summary:
      'Menjawab: dikabulkan, dikabulkan sebagian atau ditolak (dengan dasar dari daftar informasi dikecualikan), atau tidak dikuasai',
    ...OFFICER,
  })
  @ApiOkResponse({ type: StepResultDto })
  decide(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: DecisionDto,
  ): Promise<StepResultDto> {
    return this.decisions.decide(tenant, id, body);
  }

  @Post('forward')
  @HttpCode(200)
  @TenantEndpoint({
    summary:
      'Meneruskan ke OPD yang menguasai informasinya: di sana terdaftar baru dengan tenggatnya sendiri',
    ...OFFICER,
  })
  @ApiOkResponse({ type: StepResultDto })
  forward(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('id') id: string,
    @Body() body: ForwardDto,
  ): Promise<StepResultDto> {
    return this.decisions.forward(tenant, id, body);
  }
}
