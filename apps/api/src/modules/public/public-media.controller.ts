import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { UuidParam } from '../../core/http/uuid-param';
import { MediaRepository } from '../media/media.repository';
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
  ) {}

  @Get(':id/:token/:name')
  @PublicEndpoint({ summary: 'Berkas media (varian gambar atau dokumen)', errors: [404] })
  @ApiOkResponse({ description: 'Isi berkas' })
  async file(
    @Param('tenant') slug: string,
    @UuidParam('id') id: string,
    @Param('token') token: string,
    @Param('name') name: string,
    @Res() response: Response,
  ): Promise<void> {
    const tenant = await this.tenants.active(slug);
    const media = await this.db.inTenant(tenant.id, (tx) => this.media.findOne(tx, { id }));
    const stored = media?.token === token ? media.files.find((file) => file.name === name) : undefined;
    const found = stored && (await this.storage.read(stored.key));
    if (!media || !stored || !found) throw new DomainError('NOT_FOUND', 'Berkas tidak ditemukan');
    response.setHeader('Content-Type', stored.mimeType);
    response.setHeader('Content-Length', String(found.bytes));
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
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
