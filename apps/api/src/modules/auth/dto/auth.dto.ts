import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  PLATFORM_ROLES,
  type PlatformRole,
  TENANT_DUTIES,
  type TenantDuty,
  TENANT_ROLES,
  type TenantRole,
} from '../../../core/access/roles';
import { EmailField } from '../../../core/http/dto-fields';

export class LoginDto {
  @EmailField('platform@laman.example')
  email: string;

  @ApiProperty({ example: 'kata sandi', maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'Refresh token dari login atau refresh sebelumnya (sekali pakai)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 128, description: 'Minimal 10 karakter, bukan kata sandi umum' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  newPassword: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'Token dari tautan undangan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ example: 'diskominfo' }) slug: string;
  @ApiProperty({ example: 'Dinas Komunikasi dan Informatika' }) name: string;
  @ApiProperty({ example: 'Diskominfo' }) shortName: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) tenantStatus: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiProperty({ type: [String], description: 'Slug lama OPD (setelah ganti nama)' }) formerSlugs: string[];
  @ApiProperty({ enum: TENANT_DUTIES, isArray: true, description: 'Tugas PPID di OPD ini' })
  duties: TenantDuty[];
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLATFORM_ROLES, nullable: true, type: String }) platformRole: PlatformRole | null;
  @ApiProperty({ type: [MembershipDto] }) memberships: MembershipDto[];
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT untuk header Authorization: Bearer' }) accessToken: string;
  @ApiProperty({ example: 900, description: 'Masa berlaku token akses, dalam detik' })
  accessTokenExpiresIn: number;
  @ApiProperty({ description: 'Sekali pakai: setiap refresh memberi yang baru' }) refreshToken: string;
  @ApiProperty() refreshTokenExpiresAt: Date;
}

export class SessionDto extends TokenPairDto {
  @ApiProperty({ type: MeDto }) user: MeDto;
}

/** One of the caller's own signed-in devices: where sign-ins are shown (an OPD's audit log never holds them). */
export class OwnSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Masuk pada' }) createdAt: Date;
  @ApiProperty({ description: 'Terakhir dipakai' }) lastUsedAt: Date;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ description: 'Sesi permintaan ini' }) current: boolean;
}
