import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional } from 'class-validator';
import { IsRichText } from '../rich-text/is-rich-text.decorator';
import { richTextToPlainText, type RichTextDocument } from '../rich-text/rich-text';
import { type ContentTypeDefinition, projection } from './content-type';
import { IsAfterField } from './field-rules';
import { jakartaDateTime, RequiredTextField, SlugField, TextField, TitleField } from './shared-fields';

export class AgendaFields {
  @TitleField('Musrenbang Kecamatan Kedaton') title: string;
  @SlugField() slug?: string;
  @ApiProperty({ example: '2026-12-10T09:00', description: 'Mulai (WIB bila tanpa zona)' })
  @Transform(jakartaDateTime)
  @IsISO8601({ strict: true })
  startsAt: string;
  @ApiProperty({ example: '2026-12-10T12:00', description: 'Selesai (WIB bila tanpa zona)' })
  @Transform(jakartaDateTime)
  @IsISO8601({ strict: true })
  @IsAfterField('startsAt', { allowEqual: true })
  endsAt: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() allDay?: boolean;
  @RequiredTextField(200, 'Aula Kantor Camat Kedaton') venue: string;
  @TextField(200, 'Bapperida Kota Bandar Lampung') organizer?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Dokumen Tiptap (JSON)' })
  @IsOptional()
  @IsRichText()
  description?: RichTextDocument;
}

export const AGENDA: ContentTypeDefinition<AgendaFields> = {
  name: 'agenda',
  label: 'Agenda',
  description: 'Kegiatan: mulai/selesai (WIB), tempat, penyelenggara, deskripsi.',
  fields: AgendaFields,
  richTextFields: ['description'],
  project: (f) =>
    projection({
      title: f.title,
      year: new Date(f.startsAt).getUTCFullYear(),
      startsAt: new Date(f.startsAt),
      endsAt: new Date(f.endsAt),
      search: {
        a: f.title,
        b: [f.venue, f.organizer].filter(Boolean).join(' '),
        c: f.description ? richTextToPlainText(f.description) : '',
      },
    }),
};
