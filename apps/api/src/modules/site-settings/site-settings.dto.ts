import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsHexColor,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AddressField, trim, trimLower } from '../../core/http/dto-fields';
import { HasBrandContrast, IsIndonesianPhone } from '../../core/http/validators';
import { CONTENT_SLUG, MediaRefDto } from '../content/types/shared-fields';
import { INT4_MAX } from '../../core/http/int-param';

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };

/** Contact details citizens look for first; placeholders like "(0000)000000" are refused. */
export class SiteContactDto {
  @AddressField('Jl. Dr. Susilo No. 2, Sumur Batu, Teluk Betung Utara, Bandar Lampung 35214')
  address?: string;
  @ApiPropertyOptional({ example: '0721 252041' })
  @IsOptional()
  @Transform(trim)
  @IsIndonesianPhone()
  phone?: string;
  @ApiPropertyOptional({ example: '0812 7000 1234' })
  @IsOptional()
  @Transform(trim)
  @IsIndonesianPhone()
  whatsapp?: string;
  @ApiPropertyOptional({ example: 'diskominfo@bandarlampungkota.go.id' })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail()
  email?: string;
  @ApiPropertyOptional({ example: -5.4294 }) @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional({ example: 105.2621 }) @IsOptional() @IsLongitude() longitude?: number;
  @ApiPropertyOptional({ example: 'Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–16.30 WIB' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  openingHours?: string;
}

export class SocialLinksDto {
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(500) facebook?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(500) instagram?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(500) x?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(500) youtube?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(500) tiktok?: string;
}

export class LinkDto {
  @ApiProperty({ example: 'SP4N-LAPOR!' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  label: string;
  @ApiProperty({ example: 'https://www.lapor.go.id' }) @IsUrl(URL_OPTIONS) @MaxLength(500) url: string;
}

export class MenuItemDto {
  @ApiProperty({ example: 'Profil' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(60) label: string;
  @ApiPropertyOptional({ example: 'visi-misi', description: 'Slug halaman (jenis halaman)' })
  @IsOptional()
  @Matches(CONTENT_SLUG)
  pageSlug?: string;
  @ApiPropertyOptional({ example: '/berita', description: 'Tautan: jalur situs (/…) atau URL https' })
  @IsOptional()
  @Matches(/^(\/[\w\-./]*|https?:\/\/\S+)$/)
  @MaxLength(500)
  href?: string;
  @ApiPropertyOptional({ type: () => [MenuItemDto], description: 'Submenu (satu tingkat)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(15)
  @ValidateNested({ each: true })
  @Type(() => MenuItemDto)
  children?: MenuItemDto[];
}

export class SiteSettingsFieldsDto {
  @ApiPropertyOptional({ example: 'Melayani dengan sepenuh hati', maxLength: 160 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(160)
  tagline?: string;
  @ApiPropertyOptional({ type: SiteContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SiteContactDto)
  contact?: SiteContactDto;
  @ApiPropertyOptional({ type: SocialLinksDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialLinksDto)
  social?: SocialLinksDto;
  @ApiPropertyOptional({ type: MediaRefDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MediaRefDto)
  logo?: MediaRefDto;
  @ApiPropertyOptional({
    type: MediaRefDto,
    description: 'Foto utama beranda: foto lebar kantor atau kegiatan, tampil di atas berita (mis. 1600×600)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MediaRefDto)
  hero?: MediaRefDto;
  @ApiPropertyOptional({
    example: '#0b5394',
    description: 'Warna merek (heksadesimal), cukup gelap untuk teks putih (kontras minimal 4,5:1)',
  })
  @IsOptional()
  @HasBrandContrast()
  @IsHexColor()
  brandColor?: string;
  @ApiPropertyOptional({ type: [MenuItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => MenuItemDto)
  menu?: MenuItemDto[];
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  footerText?: string;
  @ApiPropertyOptional({ type: [LinkDto], description: 'Kanal pengaduan (SP4N-LAPOR!, Hallo Wali Kota…)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LinkDto)
  complaintLinks?: LinkDto[];
}

export class UpdateSiteSettingsDto {
  @ApiProperty({ example: 1, description: 'Versi yang Anda edit; versi usang ditolak dengan 409' })
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  version: number;
  @ApiProperty({ type: SiteSettingsFieldsDto })
  @ValidateNested()
  @Type(() => SiteSettingsFieldsDto)
  settings: SiteSettingsFieldsDto;
}

export class SiteSettingsDto {
  @ApiProperty({ description: '0 bila belum pernah disimpan' }) version: number;
  @ApiProperty({ type: SiteSettingsFieldsDto }) settings: SiteSettingsFieldsDto;
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
}

/** What a new OPD site starts with: the national complaint channel every public body must link to. */
export const DEFAULT_SETTINGS: SiteSettingsFieldsDto = {
  complaintLinks: [{ label: 'SP4N-LAPOR!', url: 'https://www.lapor.go.id' }],
};
