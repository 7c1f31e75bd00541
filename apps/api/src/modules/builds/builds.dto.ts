import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { SearchField } from '../../core/http/dto-fields';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { SLUG_PATTERN } from '../../core/http/validators';
import { type PlatformAlert } from './platform-alert.entity';
import { type SiteBuild, type SiteChecks } from './site-build.entity';

export class SiteBuildDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null untuk build yang masih antre',
  })
  id: string | null;
  @ApiProperty({
    enum: ['queued', 'building', 'live', 'failed', 'held'],
    description: 'held: pemeriksaan menemukan spam judi online, situs lama tetap tayang',
  })
  status: string;
  @ApiProperty({ example: 'content.published', description: 'Perubahan yang memicu build' }) trigger: string;
  @ApiProperty() attempt: number;
  @ApiProperty({ description: 'Mulai (untuk build yang antre: kapan diminta)' }) startedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Waktu astro build saja' }) buildMs:
    number | null;
  @ApiProperty({ nullable: true, type: Number }) pages: number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Hasil pemeriksaan: tautan internal rusak, halaman tanpa judul, gambar tanpa teks alternatif, temuan spam',
  })
  checks: SiteChecks | null;
  @ApiProperty({ description: 'Keluaran pembangun (untuk build yang gagal: alasannya)' }) log: string;
}

export function toSiteBuildDto(build: SiteBuild): SiteBuildDto {
  const { id, status, trigger, attempt, startedAt, finishedAt, durationMs, buildMs, pages, checks, log } =
    build;
  return { id, status, trigger, attempt, startedAt, finishedAt, durationMs, buildMs, pages, checks, log };
}

export class SiteOverviewDto {
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ example: 'disdukcapil' }) slug: string;
  @ApiProperty({ example: 'Dinas Kependudukan dan Pencatatan Sipil' }) name: string;
  @ApiProperty({ type: [SiteBuildDto], description: 'Build terbaru dulu, dengan keluarannya' })
  builds: SiteBuildDto[];
}

export class SitesQueryDto extends PageQueryDto {
  @SearchField('Cari di nama atau slug OPD') q?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Hanya situs yang build terakhirnya gagal atau ditahan',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  troubled?: boolean;
}

export class SitesPageDto {
  @ApiProperty({
    type: [SiteOverviewDto],
    description: 'Situs yang build terakhirnya gagal atau ditahan dulu, lalu menurut nama',
  })
  items: SiteOverviewDto[];
  @ApiProperty({ description: 'Situs yang cocok dengan saringan, di semua halaman' }) total: number;
  @ApiProperty({ description: 'Situs aktif yang build terakhirnya gagal atau ditahan, di seluruh kota' })
  troubled: number;
}

export class RebuildSitesDto {
  @ApiPropertyOptional({ type: [String], example: ['disdukcapil'], description: 'Kosong: semua OPD aktif' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(SLUG_PATTERN, { each: true })
  tenants?: string[];
}

export class RebuildQueuedDto {
  @ApiProperty({ type: [String], description: 'OPD yang build-nya diantrekan' }) queued: string[];
}

export class RollbackSiteDto {
  @ApiProperty({ format: 'uuid', description: 'Build berhasil yang hasilnya masih disimpan' })
  @IsUUID()
  buildId: string;
}

export class PlatformAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) aboutTenantId: string | null;
  @ApiProperty({ example: 'site.build_held_spam' }) kind: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
}

export function toPlatformAlertDto(alert: PlatformAlert): PlatformAlertDto {
  const { id, aboutTenantId, kind, message, details, createdAt } = alert;
  return { id, aboutTenantId, kind, message, details, createdAt };
}

export class PortalBuildDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['building', 'live', 'failed'] }) status: string;
  @ApiProperty({ example: 'content.published' }) trigger: string;
  @ApiProperty() attempt: number;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs: number | null;
  @ApiProperty({ description: 'Keluaran pembangun (ringkasan JSON di baris terakhir)' }) log: string;
}
