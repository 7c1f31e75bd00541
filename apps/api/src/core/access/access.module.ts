import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AccessGuard } from './access.guard';
import { AccessRepository } from './access.repository';
import { AccessTokens } from './access-tokens';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret }),
    }),
  ],
  providers: [AccessTokens, AccessRepository, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessTokens],
})
export class AccessModule {}
