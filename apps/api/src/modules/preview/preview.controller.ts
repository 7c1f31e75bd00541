import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import { PreviewService } from './preview.service';

/** The preview page may carry anything an editor typed: it runs no script and loads only media and video. */
const PREVIEW_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src https: http: data:',
  'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
  'sandbox allow-popups',
].join('; ');

@ApiTags('Konten')
@Controller('tenants/:tenant/content/items')
export class PreviewController {
  constructor(@Inject(PreviewService) private readonly preview: PreviewService) {}

  @Get(':id/preview')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', PREVIEW_POLICY)
  @Header('cache-control', 'no-store')
  @TenantEndpoint({
    summary: 'Pratinjau: halaman situs dari salinan kerja, persis seperti bila diterbitkan sekarang',
    description:
      'Dirender dengan tema situs yang sama; tidak ada yang berubah di situs publik. Tautan di halaman mengarah ke situs yang tayang. Beberapa pratinjau berjalan bersamaan, satu per orang; permintaan yang lebih baru dari orang yang sama menggantikan yang masih menunggu, dan bila antrean penuh jawabannya 429 dengan Retry-After.',
    minRole: 'contributor',
    errors: [404, 429],
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Halaman HTML', schema: { type: 'string' } })
  page(@CurrentTenant() tenant: TenantContext, @UuidParam('id') id: string): Promise<string> {
    return this.preview.page(tenant, id);
  }
}
