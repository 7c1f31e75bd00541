import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { createDataSource, type DataSourceOptions } from './data-source';
import { Database } from './database.service';
import { SiteChangeNotifier } from './site-change-notifier';

/**
 * Row-level security does not bind superusers or BYPASSRLS roles: refuse to serve tenants on such a
 * connection rather than silently run without the second lock.
 */
async function assertRowLevelSecurityApplies(dataSource: DataSource): Promise<void> {
  const rows: Array<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }> = await dataSource.query(
    'SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
  );
  const role = rows[0];
  if (!role || role.rolsuper || role.rolbypassrls) {
    await dataSource.destroy();
    throw new Error(
      `DATABASE_URL connects as "${role?.rolname}", which bypasses row-level security. ` +
        'Connect as the application role (laman_app); see deploy/postgres/init-roles.sh.',
    );
  }
}

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The connection pool, mapping the entities the application brings (`src/entities.ts`). */
  static forRoot(entities: DataSourceOptions['entities']): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const dataSource = await createDataSource({
              url: config.database.url,
              poolSize: config.database.poolSize,
              entities,
            }).initialize();
            await assertRowLevelSecurityApplies(dataSource);
            return dataSource;
          },
        },
        Database,
        SiteChangeNotifier,
      ],
      exports: [Database, SiteChangeNotifier],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
