import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { UuidParam } from '../../core/http/uuid-param';
import { MediaRepository } from '../media/media.repository';
import { MediaUrls } from '../media/media-urls';
import { MEDIA_STORAGE, type MediaStorage } from '../media/storage/media-storage';
import { PublicTenants } from './public-tenants';

/** Stored media files. Addresses change when a file is replaced, so they may be cached for a year. */
@ApiTags('Publik')
@Controller('public/:tenant/media')
export class PublicMediaController {
  constructor(
    @Inject(PublicTenants) private readonly tenants: PublicTenants,
    @Inject(Database) private readonly db: Database,
    @Inject(MediaRepository) private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
  ) {}

  @Get(':id/:token/:name')
  @PublicEndpoint({
    summary: 'Berkas media (varian gambar atau dokumen)',
    description:
      'Terbuka untuk umum hanya selama konten yang terbit (atau pengaturan situs) memakainya. Sebelum itu hanya dengan alamat bertanda tangan (e, s) dari jawaban API yang memerlukan masuk; selain itu 404.',
    errors: [404],
  })
  @ApiOkResponse({ description: 'Isi berkas' })
  @ApiQuery({ name: 'e', required: false, description: 'Kedaluwarsa alamat bertanda tangan (ms)' })
  @ApiQuery({ name: 's', required: false, description: 'Tanda tangan alamat' })
  async file(
    @Param('tenant') slug: string,
    @UuidParam('id') id: string,
    @Param('token') token: string,
    @Param('name') name: string,
    @Query('e') expires: string | undefined,
    @Query('s') signature: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const tenant = await this.tenants.active(slug);
    const { media, published } = await this.db.inTenant(tenant.id, async (tx) => {
      const found = await this.media.findOne(tx, { id });
      return { media: found, published: found ? await this.media.isPublished(tx, id) : false };
    });
    const signed = !published && !!media && this.urls.verify(media, expires, signature);
    const stored = media?.token === token ? media.files.find((file) => file.name === name) : undefined;
    // An unpublished file answers exactly like a missing one: its address alone reveals nothing.
    const found = stored && (published || signed) && (await this.storage.read(stored.key));
    if (!media || !stored || !found) throw new DomainError('NOT_FOUND', 'Berkas tidak ditemukan');
    response.setHeader('Content-Type', stored.mimeType);
    response.setHeader('Content-Length', String(found.bytes));
    // Signed (not yet public) files stay in the person's own browser cache, never in a shared one.
    response.setHeader(
      'Cache-Control',
      published ? 'public, max-age=31536000, immutable' : 'private, max-age=3600',
    );
    // OPD sites live on other origins (<slug>.<city domain>, custom domains) and embed these files.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('ETag', `"${media.token}-${stored.name}"`);
    // Documents are downloaded, never rendered in the page's origin (a PDF with script stays inert).
    const download = media.kind === 'document' && stored.name.startsWith('file.');
    const disposition = download ? 'attachment' : 'inline';
    const downloadName = download ? media.fileName : stored.name;
    response.setHeader(
      'Content-Disposition',
      `${disposition}; filename*=UTF-8''${encodeURIComponent(downloadName)}`,
    );
    found.stream.pipe(response);
  }
}
