import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AltTextField, CaptionField, SearchField } from '../../core/http/dto-fields';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { INT4_MAX } from '../../core/http/int-param';

/** The text fields of an upload (validated); the file itself arrives through multer. */
export class UploadMediaDto {
  @AltTextField({
    description: 'Teks alternatif: apa yang tampak di foto (wajib sebelum foto dipakai di konten terbit)',
  })
  alt?: string;

  @CaptionField()
  caption?: string;
}

export class ReplaceMediaDto {
  @ApiProperty({ example: 1 }) @Type(() => Number) @IsInt() @Min(1) @Max(INT4_MAX) version: number;
}

/** The multipart form as OpenAPI shows it: the file plus the text fields. */
export class UploadMediaFormDto extends UploadMediaDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'Foto (JPEG, PNG, WebP, AVIF, GIF) atau dokumen (PDF, DOCX, XLSX, PPTX, ODT, ODS, CSV)',
  })
  file: unknown;
}

export class ReplaceMediaFormDto extends ReplaceMediaDto {
  @ApiProperty({ type: 'string', format: 'binary' }) file: unknown;
}

export class UpdateMediaDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(INT4_MAX) version: number;
  @AltTextField({ nullable: true }) alt?: string;
  @CaptionField() caption?: string;
}

export class MediaListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['image', 'document'] }) @IsOptional() @IsIn(['image', 'document']) kind?:
    'image' | 'document';
  @SearchField('Cari di nama berkas') q?: string;
}

export class MediaFileDto {
  @ApiProperty({ example: 'w640.webp' }) name: string;
  @ApiProperty() url: string;
  @ApiProperty({ example: 'image/webp' }) mimeType: string;
  @ApiProperty() bytes: number;
  @ApiPropertyOptional() width?: number;
  @ApiPropertyOptional() height?: number;
}

export class SrcsetDto {
  @ApiProperty({ example: 'https://…/w320.avif 320w, https://…/w640.avif 640w' }) avif: string;
  @ApiProperty() webp: string;
  @ApiProperty() jpeg: string;
}

export class MediaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['image', 'document'] }) kind: string;
  @ApiProperty({ example: 'rapat-koordinasi.jpg' }) fileName: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ nullable: true, type: Number }) width: number | null;
  @ApiProperty({ nullable: true, type: Number }) height: number | null;
  @ApiProperty({ nullable: true, type: String, example: '#6b7b8c' }) dominantColor: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Gambar buram kecil (data URL) selagi foto dimuat',
  })
  placeholder: string | null;
  @ApiProperty({ nullable: true, type: Number }) pageCount: number | null;
  @ApiProperty({ description: 'PDF berisi skrip: hanya diunduh, tidak dibuka di peramban' })
  hasScript: boolean;
  @ApiProperty({ nullable: true, type: String }) alt: string | null;
  @ApiProperty({ nullable: true, type: String }) caption: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Alamat utama: JPEG ukuran penuh, atau dokumennya' }) url: string;
  @ApiPropertyOptional({ type: SrcsetDto, nullable: true }) srcset: SrcsetDto | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pratinjau kecil: foto 320 px, atau halaman 1 PDF',
  })
  thumbnailUrl: string | null;
  @ApiProperty({ type: [MediaFileDto] }) files: MediaFileDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class MediaPageDto {
  @ApiProperty({ type: [MediaDto] }) items: MediaDto[];
  @ApiProperty() total: number;
}

export class MediaUsageDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() type: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Dipakai di versi yang tampil di situs' }) live: boolean;
}
