import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ADDABLE_KINDS, type AddableKind } from '@laman/spam-guard';
import { trim } from '../../core/http/dto-fields';
import { type SpamTerm } from './spam-term.entity';

export class AddSpamTermDto {
  @ApiProperty({
    enum: ADDABLE_KINDS,
    description: 'hold: kata/frasa yang selalu ditahan; shorteners: domain pemendek tautan',
  })
  @IsIn(ADDABLE_KINDS)
  kind: AddableKind;
  @ApiProperty({
    example: 'hoki jitu',
    description: 'Ditulis biasa; ejaan samaran (h0ki, h-o-k-i) ikut tertangkap',
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  term: string;
  @ApiPropertyOptional({ example: 'Merek baru dari laporan Polresta, Nov 2026' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class SpamTermDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ADDABLE_KINDS }) kind: AddableKind;
  @ApiProperty() term: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) addedBy: string | null;
  @ApiProperty() createdAt: Date;
}

export class SpamLexiconDto {
  @ApiProperty({ type: [String], description: 'Kata/frasa bawaan Laman yang selalu ditahan' })
  defaultHold: string[];
  @ApiProperty({ type: [String], description: 'Kata topik (dicatat, tidak ditahan sendirian)' })
  defaultTopic: string[];
  @ApiProperty({ type: [String], description: 'Pemendek tautan bawaan' }) defaultShorteners: string[];
  @ApiProperty({ type: [SpamTermDto], description: 'Tambahan Diskominfotik, terbaru dulu' })
  added: SpamTermDto[];
}

export function toSpamTermDto({ id, kind, term, note, addedBy, createdAt }: SpamTerm): SpamTermDto {
  return { id, kind, term, note, addedBy, createdAt };
}
