import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './core/access/access.module';
import { type AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { ENTITIES } from './entities';
import { LoggingModule } from './core/logging/logging.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { QueueModule } from './core/queue/queue.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BuildsModule } from './modules/builds/builds.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { ContentModule } from './modules/content/content.module';
import { HealthModule } from './modules/health/health.module';
import { MediaModule } from './modules/media/media.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OversightModule } from './modules/oversight/oversight.module';
import { DigestsModule } from './modules/digests/digests.module';
import { WordpressImportModule } from './modules/wordpress-import/wordpress-import.module';
import { PpidModule } from './modules/ppid/ppid.module';
import { SurveysModule } from './modules/surveys/surveys.module';
import { PreviewModule } from './modules/preview/preview.module';
import { PublicModule } from './modules/public/public.module';
import { SiteSettingsModule } from './modules/site-settings/site-settings.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        MetricsModule,
        DatabaseModule.forRoot(ENTITIES),
        QueueModule,
        AccessModule,
        HealthModule,
        AuthModule,
        UsersModule,
        TenantsModule,
        AuditModule,
        ContentModule,
        SiteSettingsModule,
        MediaModule,
        ModerationModule,
        NotificationsModule,
        BuildsModule,
        PublicModule,
        PreviewModule,
        OversightModule,
        CalendarModule,
        PpidModule,
        SurveysModule,
        DigestsModule,
        WordpressImportModule,
      ],
    };
  }
}
