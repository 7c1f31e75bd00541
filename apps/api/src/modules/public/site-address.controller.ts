import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiMovedPermanentlyResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { SiteAddressQueryDto } from './public.dto';
import { SiteAddresses } from './site-addresses';

@ApiTags('Publik')
@Controller('public')
export class SiteAddressController {
  constructor(@Inject(SiteAddresses) private readonly addresses: SiteAddresses) {}

  /**
   * nginx asks here for a host it has no site for: a renamed OPD's old address moves permanently, keeping
   * the path and query, which nginx passes in `X-Original-URI` (it cannot URL-encode them into a query).
   */
  @Get('site-address')
  @PublicEndpoint({
    summary: 'Alamat lama situs OPD yang berganti nama: 301 ke alamat barunya (dipakai nginx)',
    errors: [400, 404],
  })
  @ApiHeader({ name: 'X-Original-URI', required: false, description: 'Path and query asked for (default /)' })
  @ApiMovedPermanentlyResponse({ description: 'Situs ini pindah ke alamat di header Location' })
  async moved(
    @Query() query: SiteAddressQueryDto,
    @Headers('x-original-uri') originalUri: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const location = await this.addresses.movedTo(query.host, originalUri ?? '/', query.proto ?? 'https');
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.redirect(301, location);
  }
}
