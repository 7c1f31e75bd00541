import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CHECK_CODES } from './policy';

export class CityPolicyDto {
  @ApiProperty({ type: [String], enum: CHECK_CODES, description: 'Hal yang dihitung dalam skor' })
  @IsArray()
  @ArrayUnique()
  @IsIn(CHECK_CODES, { each: true })
  required: string[];
  @ApiProperty({ example: 30, minimum: 7, maximum: 365, description: 'Berita terbaru paling lama (hari)' })
  @IsInt()
  @Min(7)
  @Max(365)
  newsMaxDays: number;
  @ApiProperty({
    example: 6,
    minimum: 1,
    maximum: 24,
    description: 'Informasi berkala diperbarui tiap (bulan)',
  })
  @IsInt()
  @Min(1)
  @Max(24)
  periodicInfoMaxMonths: number;
  @ApiProperty({ example: 12, minimum: 1, maximum: 36, description: 'SKM paling lama (bulan)' })
  @IsInt()
  @Min(1)
  @Max(36)
  surveyMaxMonths: number;
  @ApiProperty({
    example: 3,
    minimum: 1,
    maximum: 12,
    description: 'LKjIP tahun lalu jatuh tempo akhir bulan ke-',
  })
  @IsInt()
  @Min(1)
  @Max(12)
  lkjipDueMonth: number;
  @ApiPropertyOptional({
    default: false,
    description: 'Tampilkan kategori kelengkapan tiap OPD di portal kota',
  })
  @IsOptional()
  @IsBoolean()
  publicTransparency: boolean = false;
}

export class TransparencyRowDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'dinas' }) kind: string;
  @ApiProperty({ example: 76 }) score: number;
  @ApiProperty({ example: 'cukup_informatif' }) band: string;
  @ApiProperty({ example: 'Cukup Informatif' }) bandLabel: string;
}

export class TenantPolicyOverrideDto {
  @ApiPropertyOptional({ minimum: 7, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(7)
  @Max(365)
  newsMaxDays?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  periodicInfoMaxMonths?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 36 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  surveyMaxMonths?: number;
  @ApiPropertyOptional({
    type: [String],
    enum: CHECK_CODES,
    description: 'Hal yang tidak wajib bagi OPD ini',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHECK_CODES, { each: true })
  exempt?: string[];
}

export class PolicyCheckDto {
  @ApiProperty({ example: 'news.monthly' }) code: string;
  @ApiProperty({ example: 8 }) weight: number;
  @ApiProperty({ example: 'Berita terbaru' }) label: string;
}

export class CityPolicyViewDto {
  @ApiProperty({ type: CityPolicyDto }) policy: CityPolicyDto;
  @ApiProperty({ type: CityPolicyDto, description: 'Bawaan dari irama hukum dalam brief domain' })
  defaults: CityPolicyDto;
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
  @ApiProperty({ type: [PolicyCheckDto] }) checks: PolicyCheckDto[];
}

export class TenantPolicyViewDto {
  @ApiProperty({ type: TenantPolicyOverrideDto, nullable: true }) override: TenantPolicyOverrideDto | null;
  @ApiProperty({ type: CityPolicyDto, description: 'Kebijakan kota dengan perbedaan OPD ini' })
  effective: CityPolicyDto;
}
