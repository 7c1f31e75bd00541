import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { PLATFORM_ROLES, type PlatformRole } from '../../../core/access/roles';
import { type User } from '../user.entity';
import { InvitationDto } from './member.dto';
import { EmailField, PersonNameField, SearchField } from '../../../core/http/dto-fields';

export class InvitePlatformUserDto {
  @EmailField('pemantau2@laman.example')
  email: string;

  @PersonNameField('Staf Bapperida')
  name: string;

  @ApiProperty({ enum: PLATFORM_ROLES })
  @IsIn(PLATFORM_ROLES)
  platformRole: PlatformRole;
}

export class ChangePlatformRoleDto {
  @ApiProperty({ enum: PLATFORM_ROLES, nullable: true, description: 'null mencabut peran platform' })
  @ValidateIf((_, value) => value !== null)
  @IsIn(PLATFORM_ROLES)
  platformRole: PlatformRole | null;
}

export class UserListQueryDto extends PageQueryDto {
  @SearchField('Cari di nama dan email') q?: string;

  @ApiPropertyOptional({
    enum: ['any', ...PLATFORM_ROLES],
    default: 'any',
    description: 'any: semua pengguna',
  })
  @IsOptional()
  @IsIn(['any', ...PLATFORM_ROLES])
  platformRole: 'any' | PlatformRole = 'any';
}

export class PlatformUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLATFORM_ROLES, nullable: true, type: String }) platformRole: PlatformRole | null;
  @ApiProperty({ enum: ['invited', 'active', 'deactivated'] }) status: string;
  @ApiProperty({ nullable: true, type: Date }) lastLoginAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class PlatformUserPageDto {
  @ApiProperty({ type: [PlatformUserDto] }) items: PlatformUserDto[];
  @ApiProperty() total: number;
}

export class InvitedPlatformUserDto {
  @ApiProperty({ type: PlatformUserDto }) user: PlatformUserDto;
  @ApiProperty({
    type: InvitationDto,
    description:
      'Tautan undangan, hanya ditampilkan sekali. Peran platform berlaku setelah pemilik akun menerimanya.',
  })
  invitation: InvitationDto;
}

export function toPlatformUserDto(user: User): PlatformUserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    platformRole: user.platformRole,
    status: user.status,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}
