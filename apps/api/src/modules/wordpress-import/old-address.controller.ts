import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiMovedPermanentlyResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { SiteAddressQueryDto } from '../public/public.dto';
import { OldAddresses } from './old-addresses';

@ApiTags('Publik')
@Controller('public/site-address')
export class OldAddressController {
  constructor(@Inject(OldAddresses) private readonly addresses: OldAddresses) {}

  /**
   * nginx (and the local sites server) ask here for an address an OPD's site has no page for: an old address of
   * an item imported from the OPD's WordPress site moves permanently to its page (a path on the same host) or
   * its file. The path and query asked travel in `X-Original-URI`.
   */
  @Get('imported')
  @PublicEndpoint({
    summary:
      'Alamat lama dari situs WordPress yang diimpor: 301 ke halaman atau berkasnya kini (dipakai nginx)',
    errors: [400, 404],
  })
  @ApiHeader({ name: 'X-Original-URI', required: false, description: 'Path and query asked for (default /)' })
  @ApiMovedPermanentlyResponse({ description: 'Alamat barunya di header Location' })
  async moved(
    @Query() query: SiteAddressQueryDto,
    @Headers('x-original-uri') originalUri: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const location = await this.addresses.movedTo(query.host, originalUri ?? '/');
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.redirect(301, location);
  }
}
