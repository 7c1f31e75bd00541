import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { BANDS } from './completeness';

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

export class HistoryQueryDto {
  @ApiPropertyOptional({ minimum: 7, maximum: 366, default: 90, description: 'Berapa hari ke belakang' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(366)
  days: number = 90;
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
