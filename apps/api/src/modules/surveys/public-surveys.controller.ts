import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Challenge } from 'altcha-lib';
import { type Request } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { FormDoor, FormDoorGuard } from '../public/form-door.guard';
import { SURVEY_LIMITS } from './survey-form-limits';
import { SubmitSurveyDto, SurveyPeriodQueryDto, SurveyResultsDto } from './survey.dto';
import { SurveysService } from './surveys.service';

const client = (request: Request) => request.ip ?? 'unknown';

/** The satisfaction survey of an OPD's services, for apps (the site's pages post to `/site-pages/survei`). */
@ApiTags('SKM')
@Controller('public/:tenant/surveys')
@UseGuards(FormDoorGuard, ThrottlerGuard)
export class PublicSurveysController {
  constructor(@Inject(SurveysService) private readonly surveys: SurveysService) {}

  @Post('responses')
  @HttpCode(204)
  @FormDoor(SURVEY_LIMITS)
  @PublicEndpoint({
    summary: 'Jawaban survei kepuasan masyarakat (SKM) atas satu layanan: sembilan unsur bernilai 1–4',
    errors: [400, 404, 409, 429],
  })
  @ApiNoContentResponse({ description: 'Jawaban tercatat' })
  async submit(@Param('tenant') tenant: string, @Body() body: SubmitSurveyDto, @Req() request: Request) {
    await this.surveys.submit(tenant, body, client(request));
  }

  @Get('challenge')
  @PublicEndpoint({
    summary:
      'Tantangan bukti kerja (ALTCHA) untuk formulir survei: dipecahkan peramban, dikirim bersama jawaban',
    errors: [404, 429],
  })
  @ApiOkResponse({ description: 'Tantangan ALTCHA v2 (parameters, signature)', schema: { type: 'object' } })
  challenge(@Param('tenant') tenant: string): Promise<Challenge> {
    return this.surveys.challenge(tenant);
  }

  @Get('results')
  @PublicEndpoint({
    summary:
      'Indeks kepuasan masyarakat per layanan dan OPD untuk satu periode, dengan mutu dan nilai per unsur',
    errors: [400, 404, 429],
  })
  @ApiOkResponse({ type: SurveyResultsDto })
  results(@Param('tenant') tenant: string, @Query() query: SurveyPeriodQueryDto): Promise<SurveyResultsDto> {
    return this.surveys.results(tenant, query.period);
  }
}
