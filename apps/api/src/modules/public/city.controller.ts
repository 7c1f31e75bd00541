import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { CityDirectoryPageDto, CityFrontDto, CityPageQueryDto, CityServicesPageDto } from './city.dto';
import { CityService } from './city.service';
import { sendCached } from './public.controller';

@ApiTags('Publik')
@Controller('public/city')
export class CityController {
  constructor(@Inject(CityService) private readonly city: CityService) {}

  @Get()
  @PublicEndpoint({
    summary:
      'Beranda portal kota: berita terbaru, pengumuman serta-merta yang berlaku dan jumlah OPD serta layanan',
  })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: CityFrontDto })
  async front(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, await this.city.front());
  }

  @Get('opd')
  @PublicEndpoint({ summary: 'Direktori OPD aktif se-kota, per halaman, urut nama', errors: [400] })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: CityDirectoryPageDto })
  async directory(
    @Query() page: CityPageQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.city.directory(page.limit, page.offset));
  }

  @Get('layanan')
  @PublicEndpoint({ summary: 'Katalog layanan terbit se-kota, per halaman, urut judul', errors: [400] })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: CityServicesPageDto })
  async services(
    @Query() page: CityPageQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.city.services(page.limit, page.offset));
  }
}
