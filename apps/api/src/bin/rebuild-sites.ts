import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config/app-config';
import { createDataSource } from '../core/database/data-source';
import { Database } from '../core/database/database.service';
import { SiteBuildQueue } from '../core/queue/site-build-queue';
import { AuditLog } from '../modules/audit/audit-log.service';
import { AuditRepository } from '../modules/audit/audit.repository';
import { PlatformAlertsRepository } from '../modules/builds/platform-alerts.repository';
import { SiteBuildsRepository } from '../modules/builds/site-builds.repository';
import { SiteOperationsService } from '../modules/builds/site-operations.service';
import { prepareLocalRuntime } from './local-runtime';

/**
 * Queues a background rebuild of every active OPD site (after a theme or code change), or of the ones named:
 * `pnpm rebuild-sites` or `pnpm rebuild-sites -- --tenant disdukcapil --tenant bapperida`.
 * The site worker builds them one after another at low priority; editors' publishes go first.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string', multiple: true } } });
  const runtime = await prepareLocalRuntime();
  try {
    const config = loadConfig(process.env, runtime.defaults);
    const dataSource = await createDataSource({ url: config.database.url, poolSize: 2 }).initialize();
    const queue = new SiteBuildQueue(config);
    try {
      await queue.onApplicationBootstrap();
      const db = new Database(dataSource);
      const sites = new SiteOperationsService(
        db,
        queue,
        new SiteBuildsRepository(),
        new PlatformAlertsRepository(),
        new AuditLog(new AuditRepository(), db),
        config,
      );
      const { queued } = await sites.rebuild(values.tenant, null);
      console.log(`Queued a rebuild of ${queued.length} site(s): ${queued.join(', ')}`);
      console.log(
        "The site worker builds them one by one; see each OPD's builds at /api/v1/tenants/<slug>/builds.",
      );
    } finally {
      await queue.onApplicationShutdown();
      await dataSource.destroy();
    }
  } finally {
    await runtime.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
