import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Database } from '../core/database/database.service';
import { SiteBuildQueue } from '../core/queue/site-build-queue';
import { AuditLog } from '../modules/audit/audit-log.service';
import { AuditRepository } from '../modules/audit/audit.repository';
import { PlatformAlertsRepository } from '../modules/builds/platform-alerts.repository';
import { SiteBuildsRepository } from '../modules/builds/site-builds.repository';
import { SiteOperationsService } from '../modules/builds/site-operations.service';
import { runCommand, withDataSource } from './local-runtime';

/**
 * Queues a background rebuild of every active OPD site (after a theme or code change), or of the ones named:
 * `pnpm rebuild-sites` or `pnpm rebuild-sites --tenant disdukcapil --tenant bapperida`.
 * The site worker builds them one after another at low priority; editors' publishes go first.
 */
const { values } = parseArgs({ options: { tenant: { type: 'string', multiple: true } } });

runCommand((config) =>
  withDataSource(config, async (dataSource) => {
    const queue = new SiteBuildQueue(config);
    await queue.onApplicationBootstrap();
    try {
      const db = new Database(dataSource);
      const audit = new AuditLog(new AuditRepository(), db);
      const sites = new SiteOperationsService(
        db,
        queue,
        new SiteBuildsRepository(),
        new PlatformAlertsRepository(),
        audit,
        config,
      );
      const { queued } = await sites.rebuild(values.tenant, null);
      console.log(`Queued a rebuild of ${queued.length} site(s): ${queued.join(', ')}`);
      console.log(
        'The site worker builds them one by one; each OPD lists its builds at /api/v1/tenants/<slug>/builds.',
      );
    } finally {
      await queue.onApplicationShutdown();
    }
  }),
);
