import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { type SiteBuild } from './site-build.entity';
import { SiteBuildsRepository } from './site-builds.repository';

export class SiteBuildDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['building', 'live', 'failed'] }) status: string;
  @ApiProperty({ example: 'content.published', description: 'Perubahan yang memicu build' }) trigger: string;
  @ApiProperty() attempt: number;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Waktu astro build saja' }) buildMs:
    number | null;
  @ApiProperty({ description: 'Keluaran pembangun (untuk build yang gagal: alasannya)' }) log: string;
}

function toDto(build: SiteBuild): SiteBuildDto {
  const { id, status, trigger, attempt, startedAt, finishedAt, durationMs, buildMs, log } = build;
  return { id, status, trigger, attempt, startedAt, finishedAt, durationMs, buildMs, log };
}

@ApiTags('Situs publik')
@Controller('tenants/:tenant/builds')
export class BuildsController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteBuildsRepository) private readonly builds: SiteBuildsRepository,
  ) {}

  @Get()
  @TenantEndpoint({
    summary: 'Riwayat build situs (terbaru dulu): "situs diperbarui pukul 10.42" atau alasannya',
    minRole: 'contributor',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: [SiteBuildDto] })
  async list(@CurrentTenant() tenant: TenantContext, @Query() page: PageQueryDto): Promise<SiteBuildDto[]> {
    const rows = await this.db.inTenant(tenant.tenantId, (tx) =>
      this.builds.find(tx, {}, { order: { startedAt: 'DESC' }, take: page.limit, skip: page.offset }),
    );
    return rows.map(toDto);
  }
}
