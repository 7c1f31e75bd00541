import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trim } from '../../core/http/dto-fields';
import { CONTENT_TYPES, type ContentTypeName } from '../content/types/content-type';

const SORTS = ['newest', 'oldest', 'upcoming', 'order'] as const;

/** Public lists accept exactly these parameters; anything else is a 400, never silently ignored. */
export class PublicPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize: number = 20;
}

export class PublicListQueryDto extends PublicPageQueryDto {
  @ApiPropertyOptional({ enum: CONTENT_TYPES }) @IsOptional() @IsIn(CONTENT_TYPES) type?: ContentTypeName;
  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  category?: string;
  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  tag?: string;
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Sejak tanggal (tanggal kegiatan untuk agenda, tanggal terbit untuk lainnya)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Sampai tanggal (inklusif)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'Hanya pengumuman serta-merta' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  urgent?: boolean;
  @ApiPropertyOptional({
    enum: SORTS,
    default: 'newest',
    description: 'upcoming: agenda terdekat; order: urutan tampil',
  })
  @IsOptional()
  @IsIn(SORTS)
  sort: (typeof SORTS)[number] = 'newest';
}

export class PublicSearchQueryDto extends PublicPageQueryDto {
  @ApiProperty({ example: 'kartu keluarga', minLength: 2, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q: string;
  @ApiPropertyOptional({ enum: CONTENT_TYPES }) @IsOptional() @IsIn(CONTENT_TYPES) type?: ContentTypeName;
}

export class PublicItemDto {
  @ApiProperty({ enum: CONTENT_TYPES }) type: ContentTypeName;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ nullable: true, type: Date }) startsAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) endsAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) validFrom: Date | null;
  @ApiProperty({ nullable: true, type: Date }) validUntil: Date | null;
  @ApiProperty() urgent: boolean;
  @ApiProperty() headline: boolean;
  @ApiProperty() publishedAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Sidik isi (MD5 dari fields.bodyHtml); berubah bila dan hanya bila isinya berubah',
  })
  bodyDigest: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Isian jenis konten; teks kaya sebagai HTML tersanitasi (mis. bodyHtml)',
  })
  fields: Record<string, unknown>;
}

export class PublicPageDto {
  @ApiProperty({ type: [PublicItemDto] }) items: PublicItemDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class PublicSearchHitDto {
  @ApiProperty({ enum: CONTENT_TYPES }) type: ContentTypeName;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Cuplikan dengan kata yang cocok dalam <b>…</b>' }) snippet: string;
  @ApiProperty() publishedAt: Date;
}

export class PublicSearchPageDto {
  @ApiProperty({ type: [PublicSearchHitDto] }) items: PublicSearchHitDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class PublicTenantDto {
  @ApiProperty() slug: string;
  @ApiProperty({
    type: [String],
    description: 'Slug lama setelah ganti nama; alamat lamanya tetap mengarah ke sini',
  })
  formerSlugs: string[];
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty() kind: string;
  @ApiProperty({ nullable: true, type: String }) domain: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'Terakhir menerbitkan konten' })
  lastPublishedAt: Date | null;
}

export class PublicMenuPageDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() kind: string;
}

export class PublicSiteDto {
  @ApiProperty({ type: PublicTenantDto }) tenant: PublicTenantDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Kontak, merek, menu, footer, kanal pengaduan',
  })
  settings: Record<string, unknown>;
  @ApiProperty({ type: [PublicMenuPageDto], description: 'Halaman profil yang tampil di menu, berurutan' })
  profilePages: PublicMenuPageDto[];
  @ApiProperty({
    type: [PublicItemDto],
    description: 'Pengumuman serta-merta yang berlaku (tampil di atas setiap halaman)',
  })
  urgentAnnouncements: PublicItemDto[];
}

export class PublicSnapshotDto {
  @ApiProperty({ type: PublicTenantDto }) tenant: PublicTenantDto;
  @ApiProperty({ description: 'Versi konten publik OPD (naik pada setiap perubahan yang terlihat publik)' })
  contentVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) settings: Record<string, unknown>;
  @ApiProperty({ type: [PublicMenuPageDto] }) profilePages: PublicMenuPageDto[];
  @ApiProperty({
    type: [PublicItemDto],
    description: 'Semua konten terbit yang berlaku, per jenis, terbaru dulu',
  })
  items: PublicItemDto[];
}

export class PublicSnapshotQueryDto {
  @ApiPropertyOptional({
    enum: ['all', 'none'],
    default: 'all',
    description:
      'none: tanpa fields.bodyHtml (bodyDigest tetap ada); pembangun situs mengambil isi halaman yang berubah saja',
  })
  @IsOptional()
  @IsIn(['all', 'none'])
  bodies: 'all' | 'none' = 'all';
}

export class SiteAddressQueryDto {
  @ApiProperty({ example: 'disdukcapil-lama.bandarlampungkota.go.id', maxLength: 253 })
  @IsString()
  @MaxLength(253)
  host: string;
  @ApiPropertyOptional({ enum: ['http', 'https'], default: 'https' })
  @IsOptional()
  @IsIn(['http', 'https'])
  proto?: 'http' | 'https';
}
