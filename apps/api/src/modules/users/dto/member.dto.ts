import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TENANT_ROLES, type TenantRole } from '../../../core/access/roles';
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
  @ApiProperty({ enum: ['active', 'deactivated'] }) status: string;
  @ApiProperty({
    enum: ['invited', 'active', 'deactivated'],
    description: 'Status akun (invited: belum membuat kata sandi)',
  })
  accountStatus: string;
  @ApiProperty({ nullable: true, type: Date }) lastLoginAt: Date | null;
  @ApiProperty() joinedAt: Date;
}

export class InvitedMemberDto {
  @ApiProperty({ type: MemberDto }) member: MemberDto;
  @ApiPropertyOptional({
    type: InvitationDto,
    nullable: true,
    description: 'Ada bila orang ini belum punya akun; null bila akun yang sudah ada langsung ditambahkan.',
  })
  invitation: InvitationDto | null;
}

export function toMemberDto(row: MemberRow): MemberDto {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    accountStatus: row.userStatus,
    lastLoginAt: row.lastLoginAt,
    joinedAt: row.joinedAt,
  };
}
