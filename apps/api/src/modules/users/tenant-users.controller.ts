import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import {
  ChangeRoleDto,
  InvitationDto,
  InvitedMemberDto,
  InviteMemberDto,
  MemberDto,
  SetDutiesDto,
  toMemberDto,
} from './dto/member.dto';
import { TenantUsersService } from './tenant-users.service';

@ApiTags('Pengguna OPD')
@Controller('tenants/:tenant/users')
export class TenantUsersController {
  constructor(@Inject(TenantUsersService) private readonly users: TenantUsersService) {}

  @Get()
  @TenantEndpoint({ summary: 'Daftar pengguna OPD', minRole: 'tenant_admin' })
  @ApiOkResponse({ type: [MemberDto] })
  async list(@CurrentTenant() tenant: TenantContext): Promise<MemberDto[]> {
    return (await this.users.list(tenant)).map(toMemberDto);
  }

  @Post()
  @TenantEndpoint({
    summary: 'Undang pengguna ke OPD',
    description:
      'Selalu menghasilkan tautan undangan sekali pakai (ditampilkan sekali), baik email itu sudah punya akun maupun belum; keanggotaan aktif setelah orangnya menerima. Akun tingkat kota tidak dapat ditambahkan.',
    minRole: 'tenant_admin',
    errors: [409],
  })
  @ApiCreatedResponse({ type: InvitedMemberDto })
  async invite(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: InviteMemberDto,
  ): Promise<InvitedMemberDto> {
    const { member, invitation } = await this.users.invite(tenant, body);
    return { member: toMemberDto(member), invitation };
  }

  @Patch(':userId')
  @TenantEndpoint({ summary: 'Ubah peran pengguna', minRole: 'tenant_admin', errors: [409] })
  @ApiOkResponse({ type: MemberDto })
  async changeRole(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('userId') userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<MemberDto> {
    return toMemberDto(await this.users.changeRole(tenant, userId, body.role));
  }

  @Put(':userId/duties')
  @TenantEndpoint({
    summary: 'Atur tugas PPID pengguna (petugas PPID, atasan PPID)',
    minRole: 'tenant_admin',
    errors: [409],
  })
  @ApiOkResponse({ type: MemberDto })
  async setDuties(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('userId') userId: string,
    @Body() body: SetDutiesDto,
  ): Promise<MemberDto> {
    return toMemberDto(await this.users.setDuties(tenant, userId, body.duties));
  }

  @Post(':userId/deactivate')
  @HttpCode(200)
  @TenantEndpoint({
    summary: 'Nonaktifkan pengguna (sesi langsung dicabut)',
    minRole: 'tenant_admin',
    errors: [409],
  })
  @ApiOkResponse({ type: MemberDto })
  async deactivate(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('userId') userId: string,
  ): Promise<MemberDto> {
    return toMemberDto(await this.users.deactivate(tenant, userId));
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  @TenantEndpoint({ summary: 'Aktifkan kembali pengguna', minRole: 'tenant_admin' })
  @ApiOkResponse({ type: MemberDto })
  async reactivate(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('userId') userId: string,
  ): Promise<MemberDto> {
    return toMemberDto(await this.users.reactivate(tenant, userId));
  }

  @Post(':userId/invitation')
  @TenantEndpoint({
    summary: 'Buat ulang tautan undangan (tautan lama tidak berlaku)',
    minRole: 'tenant_admin',
    errors: [409],
  })
  @ApiCreatedResponse({ type: InvitationDto })
  reissueInvitation(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('userId') userId: string,
  ): Promise<InvitationDto> {
    return this.users.reissueInvitation(tenant, userId);
  }

  @Post(':userId/password-reset')
  @TenantEndpoint({
    summary: 'Buat tautan sekali pakai untuk mengatur ulang kata sandi (berlaku 24 jam)',
    description:
      'Untuk anggota yang lupa kata sandi. Akun yang juga dipakai di OPD lain diatur ulang oleh admin platform.',
    minRole: 'tenant_admin',
    errors: [403, 409],
  })
  @ApiCreatedResponse({ type: InvitationDto })
  issuePasswordReset(
    @CurrentTenant() tenant: TenantContext,
    @UuidParam('userId') userId: string,
  ): Promise<InvitationDto> {
    return this.users.issuePasswordReset(tenant, userId);
  }
}
