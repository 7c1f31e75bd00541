import { ThrottlerModule } from '@nestjs/throttler';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { RequestThrottleStorage } from './request-throttle-storage';

/**
 * The per-client limit on anonymous routes (sign-in, invitations, citizens' forms), counted in PostgreSQL so
 * every replica shares it: routes opt in with `@UseGuards(ThrottlerGuard)`. It runs before validation, so a
 * flood of malformed requests is stopped too. One module object, imported wherever such routes live.
 */
export const AnonymousThrottleModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG, Database],
  useFactory: (config: AppConfig, db: Database) => ({
    throttlers: [{ name: 'ip', ttl: 60_000, limit: config.auth.loginIpLimitPerMinute }],
    storage: new RequestThrottleStorage(db),
  }),
});
