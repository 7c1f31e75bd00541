import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SKM_PROFILE } from '@laman/shared';
import { GuardedFormDto } from '../../core/abuse/guarded-form.dto';
import { trim } from '../../core/http/dto-fields';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { CONTENT_SLUG } from '../content/types/shared-fields';

const values = <K extends keyof typeof SKM_PROFILE>(field: K) =>
  SKM_PROFILE[field].options.map((option) => option.value) as string[];

/** One of the nine answers: 1 (worst) to 4 (best). */
const Answer = (label: string) =>
  function (target: object, property: string) {
    ApiProperty({ minimum: 1, maximum: 4, description: label })(target, property);
    IsInt()(target, property);
    Min(1)(target, property);
    Max(4)(target, property);
  };

/** One answer to the satisfaction survey of a service, as the form on the service page sends it. */
export class SubmitSurveyDto extends GuardedFormDto {
  @ApiProperty({
    example: 'penerbitan-kartu-keluarga',
    description: 'Layanan yang digunakan (slug layanan yang terbit)',
  })
  @IsString()
  @Matches(CONTENT_SLUG)
  service: string;

  @Answer('U1 Persyaratan') u1: number;
  @Answer('U2 Sistem, mekanisme, dan prosedur') u2: number;
  @Answer('U3 Waktu penyelesaian') u3: number;
  @Answer('U4 Biaya/tarif') u4: number;
  @Answer('U5 Produk spesifikasi jenis pelayanan') u5: number;
  @Answer('U6 Kompetensi pelaksana') u6: number;
  @Answer('U7 Perilaku pelaksana') u7: number;
  @Answer('U8 Penanganan pengaduan, saran, dan masukan') u8: number;
  @Answer('U9 Sarana dan prasarana') u9: number;

  @ApiPropertyOptional({ enum: values('ageBand') }) @IsOptional() @IsIn(values('ageBand')) ageBand?: string;
  @ApiPropertyOptional({ enum: values('sex') }) @IsOptional() @IsIn(values('sex')) sex?: string;
  @ApiPropertyOptional({ enum: values('education') })
  @IsOptional()
  @IsIn(values('education'))
  education?: string;
  @ApiPropertyOptional({ enum: values('occupation') })
  @IsOptional()
  @IsIn(values('occupation'))
  occupation?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Saran dan masukan (hanya dibaca OPD)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  suggestion?: string;
}

export class SurveyPeriodQueryDto {
  @ApiPropertyOptional({
    example: '2026-S2',
    description:
      'Periode: tahun (2026), semester (2026-S1, 2026-S2) atau triwulan (2026-T1 … 2026-T4); bawaan: tahun berjalan',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}(-(S[12]|T[1-4]))?$/)
  period?: string;
}

export class SkmGradeDto {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) grade: 'A' | 'B' | 'C' | 'D';
  @ApiProperty({ example: 'Baik' }) label: string;
}

export class SkmResultDto {
  @ApiProperty() respondents: number;
  @ApiProperty({ description: 'Jumlah minimum responden (Krejcie–Morgan) untuk periode ini' })
  minimumRespondents: number;
  @ApiProperty({ description: 'Responden sudah mencapai jumlah minimum' }) enough: boolean;
  @ApiProperty({
    type: 'array',
    items: { type: 'number', nullable: true },
    description: 'Nilai rata-rata (NRR, 1–4) unsur U1…U9',
  })
  elements: Array<number | null>;
  @ApiProperty({ type: 'number', nullable: true, description: 'Indeks kepuasan masyarakat (25–100)' })
  index: number | null;
  @ApiProperty({ type: SkmGradeDto, nullable: true }) grade: SkmGradeDto | null;
}

export class ServiceSurveyResultDto extends SkmResultDto {
  @ApiProperty() title: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Slug halaman layanan di situs OPD (null: layanan tidak lagi terbit)',
  })
  slug: string | null;
}

export class ProfileRowDto {
  @ApiProperty({ type: 'string', nullable: true, description: 'Null: tidak diisi' }) value: string | null;
  @ApiProperty({ example: '30–39 tahun' }) label: string;
  @ApiProperty() count: number;
}

export class RespondentProfileDto {
  @ApiProperty({ type: [ProfileRowDto] }) ageBand: ProfileRowDto[];
  @ApiProperty({ type: [ProfileRowDto] }) sex: ProfileRowDto[];
  @ApiProperty({ type: [ProfileRowDto] }) education: ProfileRowDto[];
  @ApiProperty({ type: [ProfileRowDto] }) occupation: ProfileRowDto[];
}

export class SurveyResultsDto {
  @ApiProperty({ example: '2026-S2' }) period: string;
  @ApiProperty({ example: 'Semester II 2026' }) periodLabel: string;
  @ApiProperty({ description: 'Hari terakhir yang dihitung (periode berjalan: hari ini)' }) asOf: string;
  @ApiProperty({ type: SkmResultDto, description: 'Seluruh layanan OPD' }) opd: SkmResultDto;
  @ApiProperty({ type: [ServiceSurveyResultDto] }) services: ServiceSurveyResultDto[];
  @ApiProperty({ type: RespondentProfileDto, description: 'Karakteristik responden' })
  profile: RespondentProfileDto;
}

export class SuggestionsQueryDto extends IntersectionType(SurveyPeriodQueryDto, PageQueryDto) {}

export class SuggestionDto {
  @ApiProperty({ example: '2026-11-30' }) submittedOn: string;
  @ApiProperty() serviceTitle: string;
  @ApiProperty() suggestion: string;
}

export class SuggestionsPageDto {
  @ApiProperty({ type: [SuggestionDto] }) items: SuggestionDto[];
  @ApiProperty() total: number;
}
