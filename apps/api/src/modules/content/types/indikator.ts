import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { type ContentTypeDefinition, projection } from './content-type';
import { RequiredTextField, SlugField, TitleField } from './shared-fields';

export class IndicatorYearDto {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 95 }) @IsNumber({ allowNaN: false, allowInfinity: false }) target: number;
  @ApiPropertyOptional({ example: 96.4, description: 'Realisasi; kosong bila belum ada' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  actual?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Dokumen sumber (mis. LKjIP tahun itu)' })
  @IsOptional()
  @IsUUID()
  sourceDocumentId?: string;
}

/** A key performance indicator (IKU) with a target and an actual value per year; the site charts them. */
export class IndikatorFields {
  @TitleField('Persentase penduduk yang memiliki KTP-el', 'Nama indikator') name: string;
  @SlugField() slug?: string;
  @RequiredTextField(40, 'persen') unit: string;
  @ApiPropertyOptional({ example: 2024 }) @IsOptional() @IsInt() @Min(2000) @Max(2100) baselineYear?: number;
  @ApiPropertyOptional({ example: 92.1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baselineValue?: number;
  @ApiProperty({ enum: ['higher_is_better', 'lower_is_better'], example: 'higher_is_better' })
  @IsIn(['higher_is_better', 'lower_is_better'])
  direction: 'higher_is_better' | 'lower_is_better';
  @ApiProperty({ type: [IndicatorYearDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => IndicatorYearDto)
  values: IndicatorYearDto[];
  @ApiPropertyOptional({ minimum: 0, maximum: 999 }) @IsOptional() @IsInt() @Min(0) @Max(999) order?: number;
}

export const INDIKATOR: ContentTypeDefinition<IndikatorFields> = {
  name: 'indikator',
  label: 'Indikator Kinerja',
  description:
    'Indikator kinerja utama (IKU): satuan, nilai dasar, dan per tahun target serta realisasi dengan dokumen sumber.',
  fields: IndikatorFields,
  richTextFields: [],
  project: (f) =>
    projection({
      title: f.name,
      year: Math.max(...f.values.map((value) => value.year)),
      sortOrder: f.order ?? null,
      search: { a: f.name, b: f.unit, c: '' },
    }),
};
