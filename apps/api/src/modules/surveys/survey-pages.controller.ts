import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { client, PAGE, send, sendChallenge, SITE_PAGE, siteHost } from '../../core/http/site-page-http';
import { SurveyPagesService } from './survey-pages.service';

/**
 * The satisfaction survey on every OPD site (`/survei/…` on the site's own address, handed here by the edge,
 * which names the site in `X-Laman-Site-Host`): the form posted without JavaScript, and the results, always
 * current. Apps use the JSON routes (`/public/:tenant/surveys`) instead.
 */
@ApiTags('SKM')
@ApiProduces('text/html')
@Controller('site-pages/survei')
@UseGuards(ThrottlerGuard)
export class SurveyPagesController {
  constructor(@Inject(SurveyPagesService) private readonly pages: SurveyPagesService) {}

  @Get()
  @PublicEndpoint({
    summary: 'Hasil survei kepuasan masyarakat OPD per periode (halaman situs OPD)',
    ...SITE_PAGE,
  })
  @ApiQuery({ name: 'periode', required: false, example: '2026-S2' })
  @ApiQuery({ name: 'terkirim', required: false, description: '1: ucapan terima kasih setelah mengisi' })
  @ApiQuery({
    name: 'layanan',
    required: false,
    description: 'Slug layanan yang hasilnya ditampilkan lebih dulu',
  })
  @ApiOkResponse({ description: 'Halaman hasil survei', content: PAGE })
  async results(
    @Query('periode') period: unknown,
    @Query('terkirim') sent: unknown,
    @Query('layanan') service: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    const query = { period: text(period), service: text(service), justSent: sent === '1' };
    send(response, await this.pages.results(siteHost(request), query));
  }

  @Get('isi')
  @PublicEndpoint({ summary: 'Formulir survei kepuasan satu layanan (tanpa JavaScript)', ...SITE_PAGE })
  @ApiQuery({ name: 'layanan', required: true, description: 'Slug layanan yang terbit' })
  @ApiOkResponse({ description: 'Formulir survei', content: PAGE })
  async form(@Query('layanan') service: unknown, @Req() request: Request, @Res() response: Response) {
    send(
      response,
      await this.pages.form(siteHost(request), typeof service === 'string' ? service : undefined),
    );
  }

  @Post('isi')
  @PublicEndpoint({
    summary: 'Jawaban survei kepuasan dari formulir situs OPD (tanpa JavaScript)',
    ...SITE_PAGE,
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiResponse({ status: 303, description: 'Tercatat: ke hasil survei (Location: ./?terkirim=1)' })
  @ApiResponse({
    status: 400,
    description: 'Formulir lagi, dengan pilihan dan alasan tiap pertanyaan',
    content: PAGE,
  })
  async submit(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    send(response, await this.pages.submit(siteHost(request), body, client(request)));
  }

  @Get('tantangan')
  @PublicEndpoint({
    summary: 'Tantangan bukti kerja (ALTCHA) untuk survei di situs OPD: diambil skrip di alamat situs itu',
    ...SITE_PAGE,
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'Tantangan ALTCHA v2 (parameters, signature)', schema: { type: 'object' } })
  async challenge(@Req() request: Request, @Res() response: Response) {
    sendChallenge(response, await this.pages.challenge(siteHost(request)));
  }
}
