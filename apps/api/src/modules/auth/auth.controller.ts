import { Body, Controller, Get, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type Request } from 'express';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { AuthenticatedEndpoint, PublicEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { type ClientInfo, AuthService } from './auth.service';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  LoginDto,
  MeDto,
  OwnSessionDto,
  RefreshDto,
  SessionDto,
  TokenPairDto,
} from './dto/auth.dto';

function clientOf(request: Request): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

@ApiTags('Autentikasi')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @PublicEndpoint({
    summary: 'Masuk dengan email dan kata sandi',
    description:
      'Dibatasi per alamat IP, dan per akun: setelah beberapa kali gagal akun dikunci sementara (429).',
    errors: [401, 429],
  })
  @ApiOkResponse({ type: SessionDto })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<SessionDto> {
    return this.auth.login(body.email, body.password, clientOf(request));
  }

  @Post('refresh')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @PublicEndpoint({
    summary: 'Tukar refresh token dengan pasangan token baru',
    description: 'Refresh token hanya bisa dipakai sekali; memakai yang lama mencabut seluruh sesi.',
    errors: [401, 429],
  })
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @AuthenticatedEndpoint({ summary: 'Keluar: mencabut sesi ini (token akses dan refresh)' })
  @ApiNoContentResponse({ description: 'Sesi dicabut' })
  logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.logout(principal);
  }

  @Get('me')
  @AuthenticatedEndpoint({ summary: 'Pengguna yang sedang masuk, dengan keanggotaan OPD-nya' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.auth.me(principal.userId);
  }

  @Get('sessions')
  @AuthenticatedEndpoint({ summary: 'Perangkat tempat akun ini sedang masuk (waktu, alamat IP, peramban)' })
  @ApiOkResponse({ type: [OwnSessionDto] })
  sessions(@CurrentPrincipal() principal: Principal): Promise<OwnSessionDto[]> {
    return this.auth.ownSessions(principal);
  }

  @Post('password')
  @HttpCode(200)
  @AuthenticatedEndpoint({
    summary: 'Ganti kata sandi',
    description: 'Semua sesi lain dicabut; respons berisi sesi baru untuk perangkat ini.',
    errors: [403],
  })
  @ApiOkResponse({ type: SessionDto })
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
  ): Promise<SessionDto> {
    return this.auth.changePassword(principal, body.currentPassword, body.newPassword, clientOf(request));
  }

  @Post('password-reset')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @PublicEndpoint({
    summary: 'Atur ulang kata sandi dengan tautan sekali pakai, lalu masuk',
    description: 'Semua sesi lama pengguna itu dicabut.',
    errors: [410, 429],
  })
  @ApiOkResponse({ type: SessionDto })
  resetPassword(@Body() body: AcceptInvitationDto, @Req() request: Request): Promise<SessionDto> {
    return this.auth.resetPassword(body.token, body.password, clientOf(request));
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @PublicEndpoint({ summary: 'Terima undangan: buat kata sandi dan masuk', errors: [410, 429] })
  @ApiOkResponse({ type: SessionDto })
  acceptInvitation(@Body() body: AcceptInvitationDto, @Req() request: Request): Promise<SessionDto> {
    return this.auth.acceptInvitation(body.token, body.password, clientOf(request));
  }
}
