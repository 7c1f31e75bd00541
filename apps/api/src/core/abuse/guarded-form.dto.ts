import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { type GuardedForm } from './public-form-guard';

/** The guard's fields of a citizens' form (`PublicFormGuard`): every public write form's DTO extends this. */
export class GuardedFormDto implements GuardedForm {
  @ApiPropertyOptional({
    description:
      'Bukti kerja ALTCHA (base64, dari skrip situs; tantangannya dari rute `…/challenge` formulir ini). Tanpa bukti, batasnya lebih ketat.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  altcha?: string;

  @ApiPropertyOptional({ description: 'Jebakan: kolom tersembunyi yang harus kosong' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}
