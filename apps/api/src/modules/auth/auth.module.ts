import { Module } from '@nestjs/common';
import { AnonymousThrottleModule } from '../../core/http/anonymous-throttle';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';

@Module({
  imports: [
    UsersModule,
    AuditModule,
    // Per-IP limit on the unauthenticated auth routes (PostgreSQL, shared by replicas); per-account lockout
    // lives in SignInThrottle (database too).
    AnonymousThrottleModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, PasswordHasher, SignInThrottle],
})
export class AuthModule {}
