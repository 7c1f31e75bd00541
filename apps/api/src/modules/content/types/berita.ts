import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsRichText } from '../rich-text/is-rich-text.decorator';
import { richTextToPlainText, type RichTextDocument } from '../rich-text/rich-text';
import { type ContentTypeDefinition, projection } from './content-type';
import {
  MediaField,
  MediaListField,
  type MediaRefDto,
  SlugField,
  TextField,
  TextListField,
  TitleField,
} from './shared-fields';

export class BeritaFields {
  @TitleField('Pemkot Bandar Lampung Buka Layanan KTP Keliling') title: string;
  @SlugField() slug?: string;
  @TextField(400, 'Layanan perekaman KTP-el keliling hadir di 20 kecamatan mulai Senin.') summary?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Dokumen Tiptap (JSON)' })
  @IsRichText()
  body: RichTextDocument;
  @MediaField('Foto sampul (dengan keterangan)') cover?: MediaRefDto;
  @TextField(60, 'Pelayanan Publik') category?: string;
  @TextListField(10, 40, ['ktp-el', 'kecamatan']) tags?: string[];
  @ApiPropertyOptional({ default: false, description: 'Tampil sebagai berita utama di beranda' })
  @IsOptional()
  @IsBoolean()
  headline?: boolean;
  @MediaListField(10, 'Lampiran') attachments?: MediaRefDto[];
  @TextField(120, 'Tim Humas Disdukcapil') author?: string;
}

export const BERITA: ContentTypeDefinition<BeritaFields> = {
  name: 'berita',
  label: 'Berita',
  description:
    'Berita OPD: judul, ringkasan, isi, foto sampul, kategori, tag, berita utama, lampiran, penulis.',
  fields: BeritaFields,
  richTextFields: ['body'],
  project: (f) =>
    projection({
      title: f.title,
      summary: f.summary ?? null,
      category: f.category ?? null,
      tags: f.tags ?? [],
      headline: f.headline ?? false,
      search: {
        a: f.title,
        b: [f.summary, f.category, ...(f.tags ?? [])].filter(Boolean).join(' '),
        c: richTextToPlainText(f.body),
      },
    }),
};
