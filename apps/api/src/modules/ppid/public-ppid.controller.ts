import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { type Challenge } from 'altcha-lib';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Request } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { FormDoor, FormDoorGuard } from '../public/form-door.guard';
import { REQUEST_FORM_LIMITS } from './ppid-form-limits';
import {
  ClarificationReplyDto,
  FileObjectionDto,
  RequestReceiptDto,
  RequestStatusQueryDto,
  SubmitRequestDto,
} from './ppid.dto';
import { InformationRequestsService } from './information-requests.service';
import { ObjectionsService } from './objections.service';

const client = (request: Request) => request.ip ?? 'unknown';

/** Every route here: the per-client limit on anonymous routes first, then each form's own limits. */
@ApiTags('PPID')
@Controller('public/:tenant/ppid/requests')
@UseGuards(FormDoorGuard, ThrottlerGuard)
export class PublicPpidController {
  constructor(
    @Inject(InformationRequestsService) private readonly requests: InformationRequestsService,
    @Inject(ObjectionsService) private readonly objections: ObjectionsService,
  ) {}

  @Post()
  @HttpCode(201)
  @FormDoor(REQUEST_FORM_LIMITS)
  @PublicEndpoint({
    summary: 'Permohonan informasi publik ke PPID OPD: nomor pendaftaran dan batas jawaban (10 hari kerja)',
    errors: [400, 404, 429],
  })
  @ApiCreatedResponse({ type: RequestReceiptDto })
  submit(
    @Param('tenant') tenant: string,
    @Body() body: SubmitRequestDto,
    @Req() request: Request,
  ): Promise<RequestReceiptDto> {
    return this.requests.submit(tenant, body, client(request));
  }

  @Get('challenge')
  @PublicEndpoint({
    summary:
      'Tantangan bukti kerja (ALTCHA) untuk formulir permohonan: dipecahkan peramban, dikirim bersama formulir',
    errors: [404, 429],
  })
  @ApiOkResponse({ description: 'Tantangan ALTCHA v2 (parameters, signature)', schema: { type: 'object' } })
  challenge(@Param('tenant') tenant: string): Promise<Challenge> {
    return this.requests.challenge(tenant);
  }

  @Post('clarification')
  @HttpCode(200)
  @PublicEndpoint({
    summary:
      'Penjelasan pemohon atas permintaan PPID, dengan nomor pendaftaran dan surel atau telepon pemohon',
    errors: [400, 404, 409, 429],
  })
  @ApiOkResponse({ type: RequestReceiptDto })
  clarify(
    @Param('tenant') tenant: string,
    @Body() body: ClarificationReplyDto,
    @Req() request: Request,
  ): Promise<RequestReceiptDto> {
    return this.requests.clarify(tenant, body, client(request));
  }

  @Post('objection')
  @HttpCode(200)
  @PublicEndpoint({
    summary:
      'Keberatan pemohon kepada atasan PPID, dalam 30 hari kerja sejak jawaban PPID (atau sejak batas jawaban lewat)',
    errors: [400, 404, 409, 429],
  })
  @ApiOkResponse({ type: RequestReceiptDto })
  object(
    @Param('tenant') tenant: string,
    @Body() body: FileObjectionDto,
    @Req() request: Request,
  ): Promise<RequestReceiptDto> {
    return this.objections.file(tenant, body, client(request));
  }

  @Post('status')
  @HttpCode(200)
  @PublicEndpoint({
    summary: 'Status permohonan informasi, dengan nomor pendaftaran dan surel atau telepon pemohon',
    errors: [400, 404, 429],
  })
  @ApiOkResponse({ type: RequestReceiptDto })
  status(
    @Param('tenant') tenant: string,
    @Body() body: RequestStatusQueryDto,
    @Req() request: Request,
  ): Promise<RequestReceiptDto> {
    return this.requests.status(tenant, body, client(request));
  }
}
