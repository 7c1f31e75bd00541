import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AltTextField, CaptionField, trim } from '../../../core/http/dto-fields';

export const CONTENT_SLUG = /^[a-z0-9]([a-z0-9-]{0,118}[a-z0-9])?$/;

/**
 * A file the content points to: a media-library id (the media step) or, until then, an https URL.
 * Alt text describes an image for people who cannot see it.
 */
export class MediaRefDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Id di pustaka media' })
  @ValidateIf((ref: MediaRefDto) => !ref.url)
  @IsUUID()
  mediaId?: string;

  @ApiPropertyOptional({ example: 'https://bandarlampungkota.go.id/foto/rapat.jpg' })
  @ValidateIf((ref: MediaRefDto) => !ref.mediaId)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @AltTextField({ example: 'Wali Kota membuka rapat koordinasi' })
  alt?: string;

  @CaptionField()
  caption?: string;
}

export const TitleField = (example: string, description?: string) =>
  applyDecorators(
    ApiProperty({ example, minLength: 3, maxLength: 200, ...(description ? { description } : {}) }),
    Transform(trim),
    IsString(),
    MinLength(3),
    MaxLength(200),
  );

export const SlugField = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: 'rapat-koordinasi-2026',
      description: 'Bagian URL; dibuat dari judul bila kosong',
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toLowerCase() : value,
    ),
    Matches(CONTENT_SLUG),
  );

export const TextField = (max: number, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max, ...(example ? { example } : {}) }),
    IsOptional(),
    Transform(trim),
    IsString(),
    MaxLength(max),
  );

export const RequiredTextField = (max: number, example: string) =>
  applyDecorators(
    ApiProperty({ maxLength: max, example }),
    Transform(trim),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );

export const TextListField = (maxItems: number, maxLength: number, example: string[]) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], example, maxItems }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
  );

export const MediaField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: MediaRefDto, description }),
    IsOptional(),
    ValidateNested(),
    Type(() => MediaRefDto),
  );

export const MediaListField = (maxItems: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [MediaRefDto], description, maxItems }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(() => MediaRefDto),
  );

/**
 * Date-times are Asia/Jakarta unless they say otherwise: "2026-12-01T09:00" means 09:00 WIB. Stored as an
 * ISO instant.
 */
export const jakartaDateTime = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}+07:00` : text;
  const parsed = new Date(local);
  return /^\d{4}-\d{2}-\d{2}T/.test(local) && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : text;
};

export function dateOrNull(value: string | undefined | null): Date | null {
  return value ? new Date(value) : null;
}
