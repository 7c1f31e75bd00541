import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { SuggestionsPageDto, SuggestionsQueryDto } from './survey.dto';
import { SurveysService } from './surveys.service';

/**
 * The respondents' suggestions, for the OPD's editors and admin: anonymous, but free text a citizen wrote to
 * the OPD, so not public (the results are).
 */
@ApiTags('SKM')
@Controller('tenants/:tenant/surveys/suggestions')
export class SurveySuggestionsController {
  constructor(@Inject(SurveysService) private readonly surveys: SurveysService) {}

  @Get()
  @TenantEndpoint({ summary: 'Saran dan masukan responden survei kepuasan satu periode', minRole: 'editor' })
  @ApiOkResponse({ type: SuggestionsPageDto })
  list(
    @CurrentTenant() tenant: TenantContext,
    @Query() query: SuggestionsQueryDto,
  ): Promise<SuggestionsPageDto> {
    return this.surveys.suggestions(tenant.tenantId, query.period, query);
  }
}
