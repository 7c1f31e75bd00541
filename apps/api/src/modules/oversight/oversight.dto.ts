import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SearchField } from '../../core/http/dto-fields';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { TENANT_KINDS, type TenantKind } from '../tenants/tenant.entity';
import { BANDS } from './completeness';

const BAND_CODES = BANDS.map((entry) => entry.band);

export class CompletenessCheckDto {
  @ApiProperty({ example: 'performance.renja' }) code: string;
  @ApiProperty({ example: 6, description: 'Bobot dalam skor 0–100' }) weight: number;
  @ApiProperty() met: boolean;
  @ApiProperty({
    example: 'Renja {year} belum diunggah',
    description: 'Kalimat kekurangan; {nama} diisi dari values',
  })
  text: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { year: 2026 } })
  values?: Record<string, string | number>;
}

export class TenantCompletenessDto {
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ example: 'disdukcapil' }) slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'dinas' }) kind: string;
  @ApiProperty({ example: 76, description: 'Skor kelengkapan dan kemutakhiran 0–100' }) score: number;
  @ApiProperty({ enum: BANDS.map((entry) => entry.band), description: 'Kategori monev Komisi Informasi' })
  band: string;
  @ApiProperty({ example: 'Cukup Informatif' }) bandLabel: string;
  @ApiProperty({ nullable: true, type: Date }) lastPublishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Hari sejak terakhir menerbitkan' })
  daysSinceUpdate: number | null;
  @ApiProperty({
    type: [CompletenessCheckDto],
    description: 'Setiap hal yang diharapkan kota, terpenuhi atau belum',
  })
  checks: CompletenessCheckDto[];
}

export class OversightQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['score', 'stale'],
    default: 'score',
    description: 'score: skor terendah dulu; stale: paling lama tidak terbit dulu',
  })
  @IsOptional()
  @IsIn(['score', 'stale'])
  sort: 'score' | 'stale' = 'score';

  @ApiPropertyOptional({ enum: TENANT_KINDS, description: 'Hanya OPD jenis ini' })
  @IsOptional()
  @IsIn(TENANT_KINDS)
  kind?: TenantKind;

  @ApiPropertyOptional({ enum: BAND_CODES, description: 'Hanya OPD dalam kategori ini' })
  @IsOptional()
  @IsIn(BAND_CODES)
  band?: string;

  @SearchField('Cari di nama atau slug OPD') q?: string;
}

export class BandCountDto {
  @ApiProperty({ enum: BAND_CODES }) band: string;
  @ApiProperty({ example: 'Cukup Informatif' }) bandLabel: string;
  @ApiProperty({ example: 12 }) opds: number;
}

export class KindCountDto {
  @ApiProperty({ example: 'dinas' }) kind: string;
  @ApiProperty({ example: 20 }) opds: number;
}

export class CitySummaryDto {
  @ApiProperty({ example: 40, description: 'OPD aktif yang dinilai' }) opds: number;
  @ApiProperty({ nullable: true, type: Number, example: 61.5 }) average: number | null;
  @ApiProperty({ type: [BandCountDto], description: 'Setiap kategori, juga yang kosong' })
  bands: BandCountDto[];
  @ApiProperty({ type: [KindCountDto] }) kinds: KindCountDto[];
}

export class OversightPageDto {
  @ApiProperty({ type: [TenantCompletenessDto] }) items: TenantCompletenessDto[];
  @ApiProperty({ description: 'OPD yang cocok dengan saringan, di semua halaman' }) total: number;
  @ApiProperty({ type: CitySummaryDto, description: 'Seluruh OPD aktif, tanpa saringan' })
  summary: CitySummaryDto;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ minimum: 7, maximum: 366, default: 90, description: 'Berapa hari ke belakang' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(366)
  days: number = 90;
}

const SLUGS = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class CityHistoryQueryDto extends HistoryQueryDto {
  @ApiPropertyOptional({
    type: String,
    example: 'disdukcapil,dinkes',
    description: 'Slug OPD (dipisah koma, paling banyak 200) yang seri hariannya ikut dikirim',
  })
  @IsOptional()
  @Transform(SLUGS)
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^[a-z0-9-]{1,63}$/, { each: true })
  tenants: string[] = [];
}

export class ScorePointDto {
  @ApiProperty({ example: '2026-11-29', description: 'Hari (WIB)' }) day: string;
  @ApiProperty({ example: 76 }) score: number;
  @ApiProperty({ enum: BANDS.map((entry) => entry.band) }) band: string;
}

export class CityAverageDto {
  @ApiProperty({ example: '2026-11-29' }) day: string;
  @ApiProperty({ example: 61.5, description: 'Rata-rata skor OPD yang dinilai hari itu' }) average: number;
  @ApiProperty({ example: 40 }) tenants: number;
}

export class TenantTrendDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [ScorePointDto] }) points: ScorePointDto[];
}

export class CityTrendDto {
  @ApiProperty({ type: [String] }) days: string[];
  @ApiProperty({ type: [CityAverageDto] }) city: CityAverageDto[];
  @ApiProperty({ type: [TenantTrendDto] }) tenants: TenantTrendDto[];
}
