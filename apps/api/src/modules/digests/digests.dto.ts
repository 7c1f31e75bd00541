import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { SearchField } from '../../core/http/dto-fields';
import { PageQueryDto } from '../../core/http/page-query.dto';

const STATUSES = ['sending', 'sent', 'skipped', 'failed'];

export class DigestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-W49', description: 'Minggu ISO (WIB)' }) week: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Isi surel (teks)' }) body: string;
  @ApiProperty({ type: [String] }) recipients: string[];
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'opted_out',
    description: 'Mengapa tidak terkirim: opted_out, no_recipients, smtp_not_configured, atau pesan galat',
  })
  reason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) sentAt: Date | null;
}

export class TenantDigestsDto {
  @ApiProperty({ description: 'OPD ini memilih tidak menerima surel ringkasan' }) optOut: boolean;
  @ApiProperty({ type: [DigestDto] }) digests: DigestDto[];
}

export class DigestSubscriptionDto {
  @ApiProperty({ description: 'true: jangan kirim surel ringkasan mingguan' }) @IsBoolean() optOut: boolean;
}

export class OpdDigestStatusDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() optOut: boolean;
  @ApiProperty({ type: DigestDto, nullable: true }) latest: DigestDto | null;
}

export class CityDigestsDto {
  @ApiProperty({ example: '2026-W49' }) week: string;
  @ApiProperty({ type: [DigestDto], description: 'Ringkasan kota untuk pemantau' }) digests: DigestDto[];
  @ApiProperty({ type: [OpdDigestStatusDto], description: 'Satu halaman OPD aktif, menurut nama' })
  opd: OpdDigestStatusDto[];
  @ApiProperty({ description: 'OPD aktif yang cocok, di semua halaman' }) opdTotal: number;
}

export class CityDigestsQueryDto extends PageQueryDto {
  @SearchField('Cari di nama atau slug OPD') q?: string;
}

export class DigestRunDto {
  @ApiProperty({ example: '2026-W49' }) week: string;
  @ApiProperty({ description: 'Ringkasan OPD yang ditulis' }) opd: number;
  @ApiProperty({ description: 'Ringkasan kota ditulis' }) city: boolean;
}
