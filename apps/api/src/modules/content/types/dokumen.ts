import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { trim } from '../../../core/http/dto-fields';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { type ContentTypeDefinition, projection } from './content-type';
import { OptionalUnless } from './field-rules';
import { MediaRefDto, SlugField, TextField, TitleField } from './shared-fields';

/** Document categories an OPD publishes: SAKIP chain, budget and finance, regulation, services, PPID. */
export const DOCUMENT_CATEGORIES = [
  'renstra',
  'renja',
  'perjanjian_kinerja',
  'lkjip',
  'iku',
  'rka_dpa',
  'lra',
  'laporan_keuangan',
  'perda',
  'perwali',
  'sk',
  'sop',
  'maklumat',
  'skm',
  'ppid_daftar_informasi_publik',
  'ppid_laporan_layanan_informasi',
  'ppid_sk',
  'ppid_standar_layanan',
  'lainnya',
] as const;
/** UU 14/2008 information classes. */
export const INFORMATION_CLASSES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;

export class DokumenFields {
  @TitleField('Rencana Kerja (Renja) Dinas Kependudukan 2026') title: string;
  @SlugField() slug?: string;
  @ApiProperty({ enum: DOCUMENT_CATEGORIES, example: 'renja' })
  @IsIn(DOCUMENT_CATEGORIES)
  category: (typeof DOCUMENT_CATEGORIES)[number];
  @ApiProperty({
    example: 2026,
    minimum: 2000,
    maximum: 2100,
    description: 'Tahun dokumen (awal periode untuk dokumen lima tahunan)',
  })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
  @ApiPropertyOptional({ example: 2030, description: 'Akhir periode (mis. Renstra 2026–2030)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  yearTo?: number;
  @ApiProperty({ enum: INFORMATION_CLASSES, example: 'berkala' })
  @IsIn(INFORMATION_CLASSES)
  informationClass: (typeof INFORMATION_CLASSES)[number];
  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'Wajib untuk informasi dikecualikan: alasan dan dasar pengecualian',
  })
  @OptionalUnless(
    (document) => document['informationClass'] === 'dikecualikan',
    'informationClass = dikecualikan',
  )
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  exemptionReason?: string;
  @ApiProperty({ type: [MediaRefDto], description: 'Berkas (boleh kosong untuk informasi dikecualikan)' })
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MediaRefDto)
  files: MediaRefDto[];
  @TextField(1000) summary?: string;
}

export const DOKUMEN: ContentTypeDefinition<DokumenFields> = {
  name: 'dokumen',
  label: 'Dokumen',
  description:
    'Dokumen publik: kategori (Renstra, Renja, PK, LKjIP, anggaran, regulasi, PPID…), tahun, klasifikasi informasi, berkas.',
  fields: DokumenFields,
  richTextFields: [],
  // A published document is its file: without one it informs nobody, and must not tick a completeness item.
  // Only information the OPD declares exempt (dikecualikan) is listed without a file, with its reason.
  publishRules: (f) =>
    f.files.length === 0 && f.informationClass !== 'dikecualikan'
      ? [
          {
            field: 'files',
            constraint: 'fileRequiredToPublish',
            message: 'files harus berisi berkas agar dokumen bisa terbit (kecuali informasi dikecualikan)',
          },
        ]
      : [],
  project: (f) =>
    projection({
      title: f.title,
      summary: f.summary ?? null,
      category: f.category,
      tags: [f.informationClass],
      year: f.year,
      search: {
        a: f.title,
        b: [f.category.replace(/_/g, ' '), String(f.year)].join(' '),
        c: f.summary ?? '',
      },
    }),
};
