import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { type ContentTypeDefinition, projection } from './content-type';
import {
  MediaField,
  type MediaRefDto,
  RequiredTextField,
  SlugField,
  TextField,
  TitleField,
} from './shared-fields';

export class PejabatFields {
  @TitleField('Dr. H. Ahmad Fauzi, S.STP., M.Si.', 'Nama lengkap dengan gelar') name: string;
  @SlugField() slug?: string;
  @RequiredTextField(200, 'Kepala Dinas') position: string;
  @TextField(200, 'Sekretariat') unit?: string;
  @MediaField('Foto resmi') photo?: MediaRefDto;
  @ApiPropertyOptional({ example: '2024-02-01', description: 'Menjabat sejak' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 999, description: 'Urutan tampil (0 = pimpinan)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(999)
  order?: number;
  @TextField(2000) bio?: string;
}

export const PEJABAT: ContentTypeDefinition<PejabatFields> = {
  name: 'pejabat',
  label: 'Pejabat',
  description: 'Pejabat OPD: nama, jabatan, foto, unit, menjabat sejak, urutan.',
  fields: PejabatFields,
  richTextFields: [],
  project: (f) =>
    projection({
      title: f.name,
      summary: f.position,
      category: f.unit ?? null,
      sortOrder: f.order ?? null,
      search: { a: f.name, b: [f.position, f.unit].filter(Boolean).join(' '), c: f.bio ?? '' },
    }),
};
