import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthSessionsRepository } from '../auth/auth-sessions.repository';
import { UserTokensRepository } from '../auth/user-tokens.repository';
import { InvitationsService } from './invitations.service';
import { MembershipsRepository } from './memberships.repository';
import { PlatformUsersController } from './platform-users.controller';
import { PlatformUsersService } from './platform-users.service';
import { TenantUsersController } from './tenant-users.controller';
import { TenantUsersService } from './tenant-users.service';
import { UsersRepository } from './users.repository';

@Module({
  imports: [AuditModule],
  controllers: [TenantUsersController, PlatformUsersController],
  providers: [
    UsersRepository,
    MembershipsRepository,
    InvitationsService,
    TenantUsersService,
    PlatformUsersService,
    AuthSessionsRepository,
    UserTokensRepository,
  ],
  exports: [
    UsersRepository,
    MembershipsRepository,
    InvitationsService,
    AuthSessionsRepository,
    UserTokensRepository,
  ],
})
export class UsersModule {}
