import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  IsUrl,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimLower } from '../../../core/http/dto-fields';
import { IsIndonesianPhone } from '../../../core/http/validators';
import { type ContentTypeDefinition, projection } from './content-type';
import { OptionalUnless } from './field-rules';
import { RequiredTextField, SlugField, TextField, TextListField, TitleField } from './shared-fields';

/** Where a service is delivered (UU 25/2009 asks every service standard to say so). */
export const DELIVERY_KINDS = [
  'kantor_opd',
  'mall_pelayanan_publik',
  'kecamatan',
  'kelurahan',
  'online',
] as const;

export class DeliveryChannelDto {
  @ApiProperty({ enum: DELIVERY_KINDS, example: 'mall_pelayanan_publik' })
  @IsIn(DELIVERY_KINDS)
  kind: (typeof DELIVERY_KINDS)[number];
  @TextField(200, 'Mall Pelayanan Publik Kota Bandar Lampung') name?: string;
  @TextField(300, 'Jl. Dokter Susilo, Sumur Batu, Teluk Betung Utara') address?: string;
  @TextField(200, 'Senin–Jumat 08.00–15.00 WIB') hours?: string;
  @TextField(120, 'Permen Manis') appName?: string;
  @ApiPropertyOptional({ example: 'https://permenmanis.bandarlampungkota.go.id' })
  @OptionalUnless((channel) => channel['kind'] === 'online', 'kind = online')
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  url?: string;
}

export class ServiceContactDto {
  @ApiPropertyOptional({ example: '0721 252041' }) @IsOptional() @IsIndonesianPhone() phone?: string;
  @ApiPropertyOptional({ example: '0812 7000 1234' }) @IsOptional() @IsIndonesianPhone() whatsapp?: string;
  @ApiPropertyOptional({ example: 'layanan@disdukcapil.example' })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail()
  email?: string;
}

/** A public service with its service standard (Permenpan RB 15/2014 components a citizen needs). */
export class LayananFields {
  @TitleField('Penerbitan Kartu Keluarga', 'Nama layanan') name: string;
  @SlugField() slug?: string;
  @TextField(400, 'Penerbitan KK baru, perubahan data, atau penggantian KK yang hilang/rusak.')
  summary?: string;
  @ApiProperty({ type: [String], example: ['Formulir F-1.02', 'KK lama', 'Surat nikah/akta cerai'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @MaxLength(300, { each: true })
  requirements: string[];
  @ApiProperty({
    type: [String],
    example: ['Ambil nomor antrean', 'Serahkan berkas', 'Verifikasi petugas', 'Terima KK'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @MaxLength(500, { each: true })
  procedure: string[];
  @RequiredTextField(120, '1 hari kerja') processingTime: string;
  @RequiredTextField(120, 'Gratis') fee: string;
  @RequiredTextField(300, 'Kartu Keluarga') output: string;
  @RequiredTextField(1000, 'SP4N-LAPOR!, Hallo Wali Kota, atau loket pengaduan') complaintHandling: string;
  @TextListField(30, 300, ['UU No. 24 Tahun 2013 tentang Administrasi Kependudukan']) legalBasis?: string[];
  @TextField(1000, 'Ruang tunggu, kursi roda, jalur landai') facilities?: string;
  @TextField(1000) staffCompetence?: string;
  @TextField(1000) serviceGuarantee?: string;
  @ApiProperty({ type: [DeliveryChannelDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DeliveryChannelDto)
  deliveryChannels: DeliveryChannelDto[];
  @ApiPropertyOptional({ type: ServiceContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServiceContactDto)
  contact?: ServiceContactDto;
  @TextField(60, 'Kependudukan') sector?: string;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10_000_000,
    example: 12000,
    description:
      'Perkiraan jumlah penerima layanan per tahun: menentukan jumlah minimum responden survei kepuasan (Krejcie–Morgan)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  annualUsers?: number;
  @TextListField(10, 60, ['kelahiran', 'pernikahan', 'pindah domisili']) lifeEvents?: string[];
}

export const LAYANAN: ContentTypeDefinition<LayananFields> = {
  name: 'layanan',
  label: 'Layanan',
  description:
    'Layanan publik dengan standar pelayanannya (persyaratan, prosedur, waktu, biaya, produk, pengaduan…) dan tempat layanan.',
  fields: LayananFields,
  richTextFields: [],
  project: (f) =>
    projection({
      title: f.name,
      summary: f.summary ?? null,
      category: f.sector ?? null,
      tags: [...(f.lifeEvents ?? []), ...f.deliveryChannels.map((channel) => channel.kind)],
      search: {
        a: f.name,
        b: [f.summary, f.sector, f.output, ...(f.lifeEvents ?? [])].filter(Boolean).join(' '),
        c: [...f.requirements, ...f.procedure].join(' '),
      },
    }),
};
