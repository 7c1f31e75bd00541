import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim, trimLower } from '../../core/http/dto-fields';
import { IsIndonesianPhone } from '../../core/http/validators';
import { DELIVERIES, type Delivery, REQUEST_STATUSES } from './information-request';

/** A citizen's information request, as the PPID form on an OPD site sends it. */
export class SubmitRequestDto {
  @ApiProperty({ example: 'Siti Aminah', minLength: 3, maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'Jl. Teuku Umar No. 1, Kedaton, Bandar Lampung', minLength: 5, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  address: string;

  @ApiPropertyOptional({
    example: 'siti@example.id',
    description: 'Surel dan/atau telepon: paling tidak satu',
  })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '0812-3456-7890' })
  @IsOptional()
  @Transform(trim)
  @IsIndonesianPhone()
  phone?: string;

  @ApiProperty({ description: 'Informasi yang diminta', minLength: 10, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  information: string;

  @ApiProperty({ description: 'Tujuan penggunaan informasi', minLength: 10, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  purpose: string;

  @ApiProperty({
    enum: DELIVERIES,
    description:
      'Cara menerima: email (salinan elektronik), pickup (diambil di kantor), post (dikirim lewat pos)',
  })
  @IsIn(DELIVERIES)
  delivery: Delivery;
}

export class RequestStatusQueryDto {
  @ApiProperty({ example: 'PPID-7K3M-Q9TX' })
  @Transform(trim)
  @IsString()
  @MinLength(8)
  @MaxLength(20)
  code: string;

  @ApiProperty({ example: 'siti@example.id', description: 'Surel atau telepon yang diisi saat memohon' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(254)
  contact: string;
}

export class RequestReceiptDto {
  @ApiProperty({ example: 'PPID-7K3M-Q9TX', description: 'Nomor pendaftaran: simpan untuk melihat status' })
  code: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty({ example: 'Diterima, sedang diproses' }) statusLabel: string;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ example: '2026-12-14', description: 'Batas jawaban: 10 hari kerja sejak diterima' })
  dueOn: string;
}
