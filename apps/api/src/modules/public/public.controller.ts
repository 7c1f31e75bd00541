import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { type CachedResponse } from './public-cache';
import {
  PublicItemDto,
  PublicSnapshotDto,
  PublicSnapshotQueryDto,
  PublicListQueryDto,
  PublicPageDto,
  PublicSearchPageDto,
  PublicSearchQueryDto,
  PublicSiteDto,
  PublicTenantDto,
} from './public.dto';
import { PublicService } from './public.service';
import { ContentTypeParam } from './content-type-param';

/** Public content changes only when something is published; browsers and proxies may keep it briefly. */
const CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';

/** Answers from a cached response, or 304 when the caller already has it. */
export function sendCached(request: Request, response: Response, entry: CachedResponse): void {
  response.setHeader('Cache-Control', CACHE_CONTROL);
  response.setHeader('ETag', entry.etag);
  if (entry.lastModified) response.setHeader('Last-Modified', entry.lastModified);
  const noneMatch = request.headers['if-none-match'];
  const modifiedSince = request.headers['if-modified-since'];
  const fresh = noneMatch
    ? noneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag)
    : Boolean(
        modifiedSince && entry.lastModified && Date.parse(modifiedSince) >= Date.parse(entry.lastModified),
      );
  if (fresh) {
    response.status(304).end();
    return;
  }
  response.status(200).type('application/json; charset=utf-8').send(entry.body);
}

@ApiTags('Publik')
@Controller('public')
export class PublicController {
  constructor(@Inject(PublicService) private readonly publicApi: PublicService) {}

  @Get('tenants')
  @PublicEndpoint({ summary: 'Daftar situs OPD aktif se-kota (nama, slug, domain, terakhir terbit)' })
  @ApiOkResponse({ type: [PublicTenantDto] })
  async tenants(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, await this.publicApi.tenants());
  }

  @Get(':tenant/site')
  @PublicEndpoint({
    summary: 'Identitas, pengaturan, menu profil dan pengumuman serta-merta satu situs OPD',
    errors: [404],
  })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: PublicSiteDto })
  async site(
    @Param('tenant') tenant: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.publicApi.site(tenant));
  }

  @Get(':tenant/snapshot')
  @PublicEndpoint({
    summary: 'Seluruh konten terbit satu OPD sekaligus (untuk pembangun situs statis)',
    errors: [404],
  })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: PublicSnapshotDto })
  async snapshot(
    @Param('tenant') tenant: string,
    @Query() query: PublicSnapshotQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.publicApi.snapshot(tenant, query.bodies));
  }

  @Get(':tenant/content')
  @PublicEndpoint({
    summary: 'Konten terbit (filter jenis, kategori, tag, tahun, rentang tanggal, serta-merta)',
    description: 'Hanya konten terbit yang masih berlaku. Parameter yang tidak dikenal ditolak (400).',
    errors: [404],
  })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: PublicPageDto })
  async list(
    @Param('tenant') tenant: string,
    @Query() query: PublicListQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.publicApi.list(tenant, query));
  }

  @Get(':tenant/content/:type/:slug')
  @PublicEndpoint({ summary: 'Satu konten terbit menurut jenis dan slug', errors: [404] })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: PublicItemDto })
  async item(
    @Param('tenant') tenant: string,
    @ContentTypeParam() type: string,
    @Param('slug') slug: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.publicApi.item(tenant, type, slug));
  }

  @Get(':tenant/search')
  @PublicEndpoint({ summary: 'Pencarian teks penuh berbahasa Indonesia atas konten terbit', errors: [404] })
  @ApiNotModifiedResponse({ description: 'Tidak berubah sejak ETag/Last-Modified yang dikirim' })
  @ApiOkResponse({ type: PublicSearchPageDto })
  async search(
    @Param('tenant') tenant: string,
    @Query() query: PublicSearchQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCached(request, response, await this.publicApi.search(tenant, query));
  }
}
