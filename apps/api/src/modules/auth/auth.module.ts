import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { RequestThrottleStorage } from '../../core/http/request-throttle-storage';
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
    // Per-IP limit on the unauthenticated auth routes, counted in PostgreSQL so replicas share it; per-account
    // lockout lives in SignInThrottle (database too).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, Database],
      useFactory: (config: AppConfig, db: Database) => ({
        throttlers: [{ name: 'ip', ttl: 60_000, limit: config.auth.loginIpLimitPerMinute }],
        storage: new RequestThrottleStorage(db),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, PasswordHasher, SignInThrottle],
})
export class AuthModule {}
