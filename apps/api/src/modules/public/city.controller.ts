import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { CitySnapshotDto } from './city.dto';
import { CityService } from './city.service';
import { sendCached } from './public.controller';

@ApiTags('Publik')
@Controller('public')
export class CityController {
  constructor(@Inject(CityService) private readonly city: CityService) {}

  @Get('city')
  @PublicEndpoint({
    summary:
      'Data portal kota: direktori OPD, berita terbaru, pengumuman serta-merta dan katalog layanan se-kota',
  })
  @ApiOkResponse({ type: CitySnapshotDto })
  async snapshot(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, await this.city.snapshot());
  }
}
