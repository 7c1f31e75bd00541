import { withClient } from '../database/provision';
import { APP_ROLE } from '../database/provision';
import { PORTAL_BUILD_QUEUE, QUEUE_SCHEMA, REBUILD_ALL_QUEUE, SITE_BUILD_QUEUE } from './site-build-queue';

const HEARTBEAT_SECONDS = 10;

/** Imports of old sites into OPDs (modules/wordpress-import): one runs and one waits per OPD. */
export const WORDPRESS_IMPORT_QUEUE = 'wordpress-import';

/**
 * Installs or upgrades pg-boss's own schema as the owning role, creates the site and portal build queues and the
 * import queue, and lets the application role use it. Runs with the migrations; idempotent.
 */
export async function installQueue(ownerUrl: string): Promise<void> {
  const { PgBoss } = await import('pg-boss');
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: QUEUE_SCHEMA,
    supervise: false,
    schedule: false,
    max: 1,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    // Retries with backoff cover a failed build. A worker that dies mid-build stops sending heartbeats, so
    // its job is retried after HEARTBEAT_SECONDS instead of waiting for the 10-minute expiry. `notify`
    // wakes workers at once instead of at their next poll.
    const options = {
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 600,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      notify: true,
    };
    // One build may run and one wait per tenant (and for the city portal).
    // An import runs for minutes and resumes where it stopped: a dead process's import is taken up again after
    // a minute without heartbeats, and a run that fails is tried twice more.
    const imports = {
      ...options,
      retryLimit: 2,
      retryDelay: 30,
      expireInSeconds: 4 * 3600,
      heartbeatSeconds: 60,
    };
    // Every request to rebuild many sites is a job of its own (two requests for different OPDs both count).
    for (const [queue, settings, policy] of [
      [SITE_BUILD_QUEUE, options, 'stately'],
      [PORTAL_BUILD_QUEUE, options, 'stately'],
      [WORDPRESS_IMPORT_QUEUE, imports, 'stately'],
      [REBUILD_ALL_QUEUE, options, 'standard'],
    ] as const) {
      if (await boss.getQueue(queue)) await boss.updateQueue(queue, settings);
      else await boss.createQueue(queue, { policy, ...settings });
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  await withClient(ownerUrl, (client) =>
    client.query(`
      GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE};
    `),
  );
}
