import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiConsumes, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { PpidPagesService } from './ppid-pages.service';
import { client, PAGE, send, sendChallenge, SITE_PAGE, siteHost } from '../../core/http/site-page-http';

/**
 * The information request pages of every OPD site (`/ppid/permohonan…` on the site's own address, handed here
 * by the edge, which names the site in `X-Laman-Site-Host`): HTML forms posted without JavaScript, answered
 * with pages (or 303 to the receipt). Apps use the JSON routes (`/public/:tenant/ppid/requests`) instead.
 */
@ApiTags('PPID')
@ApiProduces('text/html')
@Controller('site-pages/ppid/permohonan')
@UseGuards(ThrottlerGuard)
export class PpidPagesController {
  constructor(@Inject(PpidPagesService) private readonly pages: PpidPagesService) {}

  @Post()
  @PublicEndpoint({ summary: 'Formulir permohonan informasi (tanpa JavaScript)', ...SITE_PAGE })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiResponse({
    status: 303,
    description: 'Terdaftar: ke tanda terima (Location: permohonan/<kode>?baru=1)',
  })
  @ApiResponse({
    status: 400,
    description: 'Formulir lagi, dengan isian dan alasan tiap kolom',
    content: PAGE,
  })
  async submit(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    send(response, await this.pages.submit(siteHost(request), body, client(request)));
  }

  @Post('cek')
  @PublicEndpoint({ summary: 'Status permohonan informasi (tanpa JavaScript)', ...SITE_PAGE })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOkResponse({ description: 'Halaman status permohonan', content: PAGE })
  async lookup(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    send(response, await this.pages.lookup(siteHost(request), body, client(request)));
  }

  @Post('jelaskan')
  @PublicEndpoint({ summary: 'Penjelasan pemohon atas permintaan PPID (tanpa JavaScript)', ...SITE_PAGE })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOkResponse({ description: 'Halaman status permohonan, dengan penjelasan yang terkirim', content: PAGE })
  async clarify(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    send(response, await this.pages.clarify(siteHost(request), body, client(request)));
  }

  @Post('keberatan')
  @PublicEndpoint({ summary: 'Keberatan pemohon kepada atasan PPID (tanpa JavaScript)', ...SITE_PAGE })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOkResponse({ description: 'Halaman status permohonan, dengan keberatan yang terkirim', content: PAGE })
  async object(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    send(response, await this.pages.object(siteHost(request), body, client(request)));
  }

  @Get('tantangan')
  @PublicEndpoint({
    summary: 'Tantangan bukti kerja (ALTCHA) untuk formulir di situs OPD: diambil widget di alamat situs itu',
    ...SITE_PAGE,
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'Tantangan ALTCHA v2 (parameters, signature)', schema: { type: 'object' } })
  async challenge(@Req() request: Request, @Res() response: Response) {
    sendChallenge(response, await this.pages.challenge(siteHost(request)));
  }

  @Get(':code')
  @PublicEndpoint({ summary: 'Tanda terima dan halaman status satu permohonan', ...SITE_PAGE })
  @ApiOkResponse({ description: 'Tanda terima, dan formulir untuk melihat status', content: PAGE })
  async track(
    @Param('code') code: string,
    @Query('baru') justSent: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    send(response, await this.pages.track(siteHost(request), code, justSent === '1'));
  }
}
