import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trim, SearchField } from '../../../core/http/dto-fields';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { CONTENT_STATES, type ContentState, type ReturnedBy } from '../content-item.entity';
import { CONTENT_TYPES, type ContentTypeName } from '../types/content-type';
import { jakartaDateTime } from '../types/shared-fields';
import { INT4_MAX } from '../../../core/http/int-param';

export class VersionDto {
  @ApiProperty({ example: 3, description: 'Versi yang sedang Anda lihat; versi usang ditolak dengan 409' })
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version: number;
}

/** The version, given in the query string (DELETE has no body). */
export class VersionQueryDto {
  @ApiProperty({ example: 3, description: 'Versi yang sedang Anda lihat; versi usang ditolak dengan 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version: number;
}

export class ReturnForChangesDto extends VersionDto {
  @ApiProperty({ example: 'Mohon lengkapi keterangan foto dan sumber data.', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  comment: string;
}

export class ScheduleDto extends VersionDto {
  @ApiProperty({
    example: '2026-12-01T07:00',
    description: 'Waktu terbit (WIB bila tanpa zona); harus di masa depan',
  })
  @Transform(jakartaDateTime)
  @IsISO8601({ strict: true })
  publishAt: string;
}

export class ForcePublishDto extends VersionDto {
  @ApiProperty({
    example: 'Peringatan dini banjir rob: warga pesisir harus segera tahu.',
    minLength: 10,
    maxLength: 1000,
  })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  reason: string;
}

export class ContentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONTENT_STATES }) @IsOptional() @IsIn(CONTENT_STATES) state?: ContentState;
  @SearchField('Cari di judul') q?: string;
  @ApiPropertyOptional({ description: 'Hanya konten buatan saya' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  mine?: boolean;
  @ApiPropertyOptional({ description: 'Hanya konten terbit paksa yang menunggu review susulan' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  needsPostReview?: boolean;
}

export class AllContentListQueryDto extends ContentListQueryDto {
  @ApiPropertyOptional({ enum: CONTENT_TYPES }) @IsOptional() @IsIn(CONTENT_TYPES) type?: ContentTypeName;
}

export class DiffQueryDto {
  @ApiPropertyOptional({ description: 'Nomor revisi pembanding (bawaan: revisi sebelumnya)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  against?: number;
}

export class ContentItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONTENT_TYPES }) type: ContentTypeName;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CONTENT_STATES, description: 'Status salinan kerja (revisi terakhir)' })
  state: ContentState;
  @ApiProperty({ description: 'Kirim kembali saat menyimpan atau mengubah status' }) version: number;
  @ApiProperty({ description: 'Ada versi yang sedang tampil di situs' }) live: boolean;
  @ApiProperty({ description: 'Salinan kerja berbeda dari yang tampil di situs' })
  hasUnpublishedChanges: boolean;
  @ApiProperty() revision: number;
  @ApiProperty({ nullable: true, type: Date }) scheduledAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) firstPublishedAt: Date | null;
  @ApiProperty() needsPostReview: boolean;
  @ApiProperty({ nullable: true, type: String }) forcePublishReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Catatan editor saat mengembalikan' })
  reviewComment: string | null;
  @ApiProperty({
    nullable: true,
    enum: ['editor', 'spam_guard', 'scheduler'],
    description:
      'Siapa yang mengembalikan draf ini: editor (dengan catatan), penyaring spam (dengan temuannya) atau ' +
      'penjadwal (tulisan terjadwal yang tidak bisa terbit saat waktunya, dengan alasannya)',
  })
  returnedBy: ReturnedBy | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) updatedBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Isian salinan kerja' })
  fields: Record<string, unknown>;
}

export class ContentItemSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONTENT_TYPES }) type: ContentTypeName;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CONTENT_STATES }) state: ContentState;
  @ApiProperty() version: number;
  @ApiProperty() live: boolean;
  @ApiProperty() needsPostReview: boolean;
  @ApiProperty({ nullable: true, type: Date }) scheduledAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy: string | null;
  @ApiProperty() updatedAt: Date;
}

export class ContentPageDto {
  @ApiProperty({ type: [ContentItemSummaryDto] }) items: ContentItemSummaryDto[];
  @ApiProperty() total: number;
}

export class RevisionDto {
  @ApiProperty() number: number;
  @ApiProperty({ type: [String], description: 'Kolom yang berubah dibanding revisi sebelumnya' })
  changedFields: string[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Nama penulis revisi (null bila akunnya sudah dihapus)',
  })
  authorName: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'Revisi yang sedang tampil di situs' }) live: boolean;
  @ApiProperty({ description: 'Revisi salinan kerja' }) working: boolean;
}

export class RevisionDetailDto extends RevisionDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) fields: Record<string, unknown>;
}

export class FieldChangeDto {
  @ApiProperty({ example: 'title', description: 'Jalur kolom, mis. "title" atau "tags.1"' }) path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind: 'added' | 'removed' | 'changed';
  @ApiPropertyOptional({ description: 'Nilai lama' }) before?: unknown;
  @ApiPropertyOptional({ description: 'Nilai baru' }) after?: unknown;
}

export class RevisionDiffDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
}
