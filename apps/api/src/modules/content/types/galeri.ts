import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsUrl,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { type ContentTypeDefinition, projection } from './content-type';
import { OptionalUnless } from './field-rules';
import { MediaRefDto, SlugField, TextField, TitleField } from './shared-fields';

const VIDEO_URL = /^https:\/\/(www\.)?(youtube\.com\/watch\?v=|youtu\.be\/|vimeo\.com\/)[\w-]+/;

export class GalleryItemDto {
  @ApiProperty({ enum: ['image', 'video'] }) @IsIn(['image', 'video']) kind: 'image' | 'video';
  @ApiPropertyOptional({ type: MediaRefDto })
  @OptionalUnless((item) => item['kind'] === 'image', 'kind = image')
  @ValidateNested()
  @Type(() => MediaRefDto)
  image?: MediaRefDto;
  @ApiPropertyOptional({
    example: 'https://www.youtube.com/watch?v=abc123',
    description: 'YouTube atau Vimeo',
  })
  @OptionalUnless((item) => item['kind'] === 'video', 'kind = video')
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @Matches(VIDEO_URL)
  @MaxLength(500)
  videoUrl?: string;
  @TextField(300) caption?: string;
}

export class GaleriFields {
  @TitleField('Peringatan HUT Kota Bandar Lampung ke-344') title: string;
  @SlugField() slug?: string;
  @TextField(1000) description?: string;
  @ApiProperty({ type: [GalleryItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GalleryItemDto)
  items: GalleryItemDto[];
}

export const GALERI: ContentTypeDefinition<GaleriFields> = {
  name: 'galeri',
  label: 'Galeri',
  description: 'Album foto (dengan keterangan) atau tautan video.',
  fields: GaleriFields,
  richTextFields: [],
  project: (f) =>
    projection({
      title: f.title,
      summary: f.description ?? null,
      search: { a: f.title, b: f.description ?? '', c: f.items.map((item) => item.caption ?? '').join(' ') },
    }),
};
