import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional } from 'class-validator';
import { IsRichText } from '../rich-text/is-rich-text.decorator';
import { richTextToPlainText, type RichTextDocument } from '../rich-text/rich-text';
import { type ContentTypeDefinition, projection } from './content-type';
import { IsAfterField } from './field-rules';
import {
  dateOrNull,
  jakartaDateTime,
  MediaListField,
  type MediaRefDto,
  SlugField,
  TitleField,
} from './shared-fields';

export class PengumumanFields {
  @TitleField('Pemadaman Air PDAM Way Rilau, 3 Desember') title: string;
  @SlugField() slug?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Dokumen Tiptap (JSON)' })
  @IsRichText()
  body: RichTextDocument;
  @ApiPropertyOptional({ example: '2026-12-01T08:00', description: 'Mulai tampil (WIB bila tanpa zona)' })
  @IsOptional()
  @Transform(jakartaDateTime)
  @IsISO8601({ strict: true })
  validFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-04T17:00', description: 'Berhenti tampil (WIB bila tanpa zona)' })
  @IsOptional()
  @Transform(jakartaDateTime)
  @IsISO8601({ strict: true })
  @IsAfterField('validFrom')
  validUntil?: string;
  @ApiPropertyOptional({ default: false, description: 'Serta-merta: tampil di atas setiap halaman' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
  @MediaListField(10, 'Lampiran') attachments?: MediaRefDto[];
}

export const PENGUMUMAN: ContentTypeDefinition<PengumumanFields> = {
  name: 'pengumuman',
  label: 'Pengumuman',
  description:
    'Pengumuman bertanggal: berlaku dari–sampai (yang kedaluwarsa turun dari situs), tanda serta-merta.',
  fields: PengumumanFields,
  richTextFields: ['body'],
  project: (f) =>
    projection({
      title: f.title,
      validFrom: dateOrNull(f.validFrom),
      validUntil: dateOrNull(f.validUntil),
      urgent: f.urgent ?? false,
      search: { a: f.title, b: '', c: richTextToPlainText(f.body) },
    }),
};
