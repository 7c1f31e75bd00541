import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
