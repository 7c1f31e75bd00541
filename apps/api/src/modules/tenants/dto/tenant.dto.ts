import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsFQDN,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { IsIndonesianPhone, IsTenantSlug } from '../../../core/http/validators';
import { InvitationDto } from '../../users/dto/member.dto';
import { TENANT_KINDS, type Tenant, type TenantKind } from '../tenant.entity';
import {
  AddressField,
  EmailField,
  PersonNameField,
  trim,
  trimLower,
  SearchField,
} from '../../../core/http/dto-fields';

/** Contact data an OPD keeps current itself (tenant admins) or that the IT office sets at provisioning. */
export class TenantContactDto {
  @ApiPropertyOptional({ example: 'Operator Website Diskominfo', maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  contactName?: string;

  @ApiPropertyOptional({ example: 'diskominfo@bandarlampungkota.go.id', maxLength: 254 })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({
    example: '0721 123456',
    description: 'Nomor telepon Indonesia; nomor isian seperti 0000000 ditolak',
  })
  @IsOptional()
  @Transform(trim)
  @IsIndonesianPhone()
  contactPhone?: string;

  @AddressField('Jl. Dr. Susilo No. 2, Sumur Batu, Teluk Betung Utara')
  address?: string;
}

export class FirstAdminDto {
  @EmailField('admin.diskominfo@laman.example')
  email: string;

  @PersonNameField('Rina Marlina')
  name: string;
}

export class CreateTenantDto extends TenantContactDto {
  @ApiProperty({
    example: 'diskominfo',
    description: 'Dipakai di URL dan sebagai subdomain; huruf kecil, angka, tanda hubung',
  })
  @Transform(trimLower)
  @IsTenantSlug()
  slug: string;

  @ApiProperty({ example: 'Dinas Komunikasi dan Informatika', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Diskominfo', maxLength: 60 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  shortName: string;

  @ApiProperty({ enum: TENANT_KINDS, example: 'dinas' })
  @IsIn(TENANT_KINDS)
  kind: TenantKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['Diskominfotik'],
    description: 'Nama/singkatan lama (mis. setelah perubahan nomenklatur 2024)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  formerNames?: string[];

  @ApiPropertyOptional({ example: 'diskominfo.bandarlampungkota.go.id' })
  @IsOptional()
  @Transform(trimLower)
  @IsFQDN()
  @MaxLength(253)
  customDomain?: string;

  @ApiProperty({ type: FirstAdminDto, description: 'Admin pertama OPD; akun baru mendapat tautan undangan' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FirstAdminDto)
  firstAdmin: FirstAdminDto;
}

export class UpdateTenantDto extends PartialType(
  PickType(CreateTenantDto, [
    'slug',
    'name',
    'shortName',
    'kind',
    'formerNames',
    'customDomain',
    'contactName',
    'contactEmail',
    'contactPhone',
    'address',
  ] as const),
) {}

/** What an OPD's own admin may change: contact data, and whether editors need a second editor to publish. */
export class UpdateTenantContactDto extends TenantContactDto {
  @ApiPropertyOptional({
    description:
      'Editor kedua wajib: editor tidak dapat menerbitkan hasil suntingannya sendiri (bawaan: tidak)',
  })
  @IsOptional()
  @IsBoolean()
  requireSecondEditor?: boolean;
}

export class SuspendTenantDto {
  @ApiProperty({ example: 'Konten judi online terdeteksi; menunggu pembersihan', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason: string;
}

export class TenantListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'suspended'] })
  @IsOptional()
  @IsIn(['active', 'suspended'])
  status?: 'active' | 'suspended';

  @ApiPropertyOptional({ enum: TENANT_KINDS })
  @IsOptional()
  @IsIn(TENANT_KINDS)
  kind?: TenantKind;

  @SearchField('Cari di nama, singkatan, slug dan nama lama') q?: string;
}

export class TenantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'diskominfo' }) slug: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ enum: TENANT_KINDS }) kind: TenantKind;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) suspendedReason: string | null;
  @ApiProperty({ type: [String] }) formerNames: string[];
  @ApiProperty({ type: [String], description: 'Slug lama (setelah ganti nama); tetap mengarah ke OPD ini' })
  formerSlugs: string[];
  @ApiProperty({ nullable: true, type: String }) customDomain: string | null;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ description: 'Editor kedua wajib untuk menerbitkan' }) requireSecondEditor: boolean;
  @ApiProperty({ nullable: true, type: Date, description: 'Terakhir menerbitkan konten' })
  lastPublishedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class TenantPageDto {
  @ApiProperty({ type: [TenantDto] }) items: TenantDto[];
  @ApiProperty() total: number;
}

export class ProvisionedAdminDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty({
    type: InvitationDto,
    description:
      'Tautan undangan, hanya ditampilkan sekali; orang itu menjadi admin OPD setelah menerimanya (sama untuk akun baru maupun yang sudah ada)',
  })
  invitation: InvitationDto;
}

export class ProvisionedTenantDto {
  @ApiProperty({ type: TenantDto }) tenant: TenantDto;
  @ApiProperty({ type: ProvisionedAdminDto }) firstAdmin: ProvisionedAdminDto;
}

export function toTenantDto(tenant: Tenant): TenantDto {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    shortName: tenant.shortName,
    kind: tenant.kind,
    status: tenant.status,
    suspendedReason: tenant.suspendedReason,
    formerNames: tenant.formerNames,
    formerSlugs: tenant.formerSlugs,
    customDomain: tenant.customDomain,
    contactName: tenant.contactName,
    contactEmail: tenant.contactEmail,
    contactPhone: tenant.contactPhone,
    address: tenant.address,
    requireSecondEditor: tenant.requireSecondEditor,
    lastPublishedAt: tenant.lastPublishedAt,
    createdAt: tenant.createdAt,
    updatedAt: tenant.updatedAt,
  };
}
