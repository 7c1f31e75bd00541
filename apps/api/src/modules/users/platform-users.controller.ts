import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import { InvitationDto } from './dto/member.dto';
import {
  ChangePlatformRoleDto,
  InvitedPlatformUserDto,
  InvitePlatformUserDto,
  PlatformUserDto,
  PlatformUserPageDto,
  toPlatformUserDto,
  UserListQueryDto,
} from './dto/platform-user.dto';
import { PlatformUsersService } from './platform-users.service';

@ApiTags('Platform: pengguna')
@Controller('admin/users')
export class PlatformUsersController {
  constructor(@Inject(PlatformUsersService) private readonly users: PlatformUsersService) {}

  @Get()
  @PlatformEndpoint({
    summary: 'Daftar semua akun (filter peran platform, cari nama/email)',
    roles: ['platform_admin'],
  })
  @ApiOkResponse({ type: PlatformUserPageDto })
  async list(@Query() query: UserListQueryDto): Promise<PlatformUserPageDto> {
    const [items, total] = await this.users.list(query);
    return { items: items.map(toPlatformUserDto), total };
  }

  @Post()
  @PlatformEndpoint({
    summary: 'Beri peran platform (admin platform atau monitor)',
    description:
      'Selalu menghasilkan tautan undangan sekali pakai; peran berlaku setelah pemilik akun menerimanya.',
    roles: ['platform_admin'],
    errors: [409],
  })
  @ApiCreatedResponse({ type: InvitedPlatformUserDto })
  async invite(
    @Body() body: InvitePlatformUserDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<InvitedPlatformUserDto> {
    const { user, invitation } = await this.users.invite(body, actor);
    return { user: toPlatformUserDto(user), invitation };
  }

  @Patch(':userId')
  @PlatformEndpoint({
    summary: 'Ubah atau cabut peran platform',
    roles: ['platform_admin'],
    errors: [404, 409],
  })
  @ApiOkResponse({ type: PlatformUserDto })
  async changeRole(
    @UuidParam('userId') userId: string,
    @Body() body: ChangePlatformRoleDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PlatformUserDto> {
    return toPlatformUserDto(await this.users.changeRole(userId, body.platformRole, actor));
  }

  @Post(':userId/deactivate')
  @HttpCode(200)
  @PlatformEndpoint({
    summary: 'Nonaktifkan akun di seluruh platform (semua sesi dicabut)',
    roles: ['platform_admin'],
    errors: [404, 409],
  })
  @ApiOkResponse({ type: PlatformUserDto })
  async deactivate(
    @UuidParam('userId') userId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PlatformUserDto> {
    return toPlatformUserDto(await this.users.deactivate(userId, actor));
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  @PlatformEndpoint({ summary: 'Aktifkan kembali akun', roles: ['platform_admin'], errors: [404, 409] })
  @ApiOkResponse({ type: PlatformUserDto })
  async reactivate(
    @UuidParam('userId') userId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PlatformUserDto> {
    return toPlatformUserDto(await this.users.reactivate(userId, actor));
  }

  @Post(':userId/invitation')
  @PlatformEndpoint({ summary: 'Buat ulang tautan undangan', roles: ['platform_admin'], errors: [404, 409] })
  @ApiCreatedResponse({ type: InvitationDto })
  reissueInvitation(
    @UuidParam('userId') userId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<InvitationDto> {
    return this.users.reissueInvitation(userId, actor);
  }

  @Post(':userId/password-reset')
  @PlatformEndpoint({
    summary: 'Buat tautan sekali pakai untuk mengatur ulang kata sandi (berlaku 24 jam)',
    roles: ['platform_admin'],
    errors: [404, 409],
  })
  @ApiCreatedResponse({ type: InvitationDto })
  issuePasswordReset(
    @UuidParam('userId') userId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<InvitationDto> {
    return this.users.issuePasswordReset(userId, actor);
  }
}
