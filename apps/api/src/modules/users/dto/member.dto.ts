import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { TENANT_DUTIES, type TenantDuty, TENANT_ROLES, type TenantRole } from '../../../core/access/roles';
import { type MemberRow } from '../memberships.repository';
import { EmailField, PersonNameField } from '../../../core/http/dto-fields';

export class InviteMemberDto {
  @EmailField('operator@diskominfo.example')
  email: string;

  @PersonNameField('Siti Rahmawati')
  name: string;

  @ApiProperty({ enum: TENANT_ROLES, example: 'contributor' })
  @IsIn(TENANT_ROLES)
  role: TenantRole;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: TENANT_ROLES, example: 'editor' })
  @IsIn(TENANT_ROLES)
  role: TenantRole;
}

export class SetDutiesDto {
  @ApiProperty({
    enum: TENANT_DUTIES,
    isArray: true,
    example: ['ppid_officer'],
    description:
      'ppid_officer: petugas PPID (melayani permohonan informasi); ppid_superior: atasan PPID (keberatan)',
  })
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(TENANT_DUTIES, { each: true })
  duties: TenantDuty[];
}

export class InvitationDto {
  @ApiProperty({ description: 'Tautan sekali pakai untuk membuat kata sandi; hanya ditampilkan sekali.' })
  url: string;
  @ApiProperty({ description: 'Token undangan (bagian dari tautan); hanya ditampilkan sekali.' })
  token: string;
  @ApiProperty() expiresAt: Date;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiProperty({ enum: TENANT_DUTIES, isArray: true, description: 'Tugas PPID di samping peran' })
  duties: TenantDuty[];
  @ApiProperty({
    enum: ['pending', 'active', 'deactivated'],
    description: 'Keanggotaan di OPD ini (pending: undangan belum diterima orangnya)',
  })
  status: string;
  @ApiProperty({
    enum: ['invited', 'active', 'deactivated'],
    nullable: true,
    type: String,
    description: 'Status akun; null selama undangan belum diterima (akun orang lain bukan urusan pengundang)',
  })
  accountStatus: string | null;
  @ApiProperty({ nullable: true, type: Date }) lastLoginAt: Date | null;
  @ApiProperty() joinedAt: Date;
}

export class InvitedMemberDto {
  @ApiProperty({ type: MemberDto }) member: MemberDto;
  @ApiProperty({
    type: InvitationDto,
    description:
      'Tautan undangan untuk orang itu (sama, baik email ini sudah punya akun maupun belum). Keanggotaan aktif setelah ia menerimanya.',
  })
  invitation: InvitationDto;
}

export function toMemberDto(row: MemberRow): MemberDto {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    duties: row.duties,
    status: row.status,
    accountStatus: row.userStatus,
    lastLoginAt: row.lastLoginAt,
    joinedAt: row.joinedAt,
  };
}
