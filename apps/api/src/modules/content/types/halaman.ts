import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsRichText } from '../rich-text/is-rich-text.decorator';
import { richTextToPlainText, type RichTextDocument } from '../rich-text/rich-text';
import { type ContentTypeDefinition, projection } from './content-type';
import { SlugField, TitleField } from './shared-fields';

/** The profile pages every OPD site is expected to carry, and free pages. */
export const PAGE_KINDS = [
  'sejarah',
  'visi-misi',
  'tupoksi',
  'struktur-organisasi',
  'profil',
  'maklumat',
  'ppid',
  'lainnya',
] as const;

export class HalamanFields {
  @TitleField('Visi dan Misi') title: string;
  @SlugField() slug?: string;
  @ApiProperty({ enum: PAGE_KINDS, example: 'visi-misi' })
  @IsIn(PAGE_KINDS)
  kind: (typeof PAGE_KINDS)[number];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Dokumen Tiptap (JSON)' })
  @IsRichText()
  body: RichTextDocument;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() showInMenu?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 999, description: 'Urutan di menu Profil' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(999)
  menuOrder?: number;
}

export const HALAMAN: ContentTypeDefinition<HalamanFields> = {
  name: 'halaman',
  label: 'Halaman',
  description:
    'Halaman profil (sejarah, visi-misi, tupoksi, struktur organisasi…) berurutan di menu, dan halaman bebas.',
  fields: HalamanFields,
  richTextFields: ['body'],
  project: (f) =>
    projection({
      title: f.title,
      category: f.kind,
      tags: f.showInMenu === false ? [] : ['menu'],
      sortOrder: f.menuOrder ?? null,
      search: { a: f.title, b: f.kind, c: richTextToPlainText(f.body) },
    }),
};
