import { Controller, Get, Inject, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { PAGE, send, SITE_PAGE, siteHost } from '../../core/http/site-page-http';
import { type ReportAnswer, ReportPagesService } from './report-pages.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The yearly service report on every OPD site (`/ppid/laporan…`, handed here by the edge like the forms). */
@ApiTags('PPID')
@ApiProduces('text/html')
@Controller('site-pages/ppid/laporan')
@UseGuards(ThrottlerGuard)
export class ReportPagesController {
  constructor(@Inject(ReportPagesService) private readonly pages: ReportPagesService) {}

  @Get()
  @PublicEndpoint({
    summary: 'Laporan layanan informasi publik tahun berjalan (halaman situs OPD)',
    ...SITE_PAGE,
  })
  @ApiOkResponse({ description: 'Halaman laporan', content: PAGE })
  async current(@Req() request: Request, @Res() response: Response) {
    sendReport(response, await this.pages.report(siteHost(request), null));
  }

  @Get(':file')
  @PublicEndpoint({
    summary:
      'Laporan layanan informasi publik satu tahun: halaman (`2026`), lembar kerja (`2026.xlsx`) atau PDF (`2026.pdf`)',
    ...SITE_PAGE,
  })
  @ApiOkResponse({
    description: 'Halaman laporan, atau lembar kerja atau PDF-nya',
    content: {
      ...PAGE,
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async year(@Param('file') file: string, @Req() request: Request, @Res() response: Response) {
    sendReport(response, await this.pages.report(siteHost(request), file));
  }
}

function sendReport(response: Response, answer: ReportAnswer): void {
  if (!('file' in answer)) return send(response, answer);
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Disposition', `attachment; filename="${answer.filename}"`);
  response.status(200).type(answer.type).send(answer.file);
}
