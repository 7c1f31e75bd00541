import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
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
    // Per-IP limit on the unauthenticated auth routes; per-account lockout lives in AuthService (database).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [
        { name: 'ip', ttl: 60_000, limit: config.auth.loginIpLimitPerMinute },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, PasswordHasher, SignInThrottle],
})
export class AuthModule {}
