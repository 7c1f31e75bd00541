import { type AppConfig } from '../../core/config/app-config';
import { type Database } from '../../core/database/database.service';
import { type PortalBuildJob } from '../../core/queue/site-build-queue';
import { BUILD_LOG_LIMIT, type Outcome, type WarmBuilder } from './builder-process';
import { PortalBuildsRepository } from './portal-builds.repository';
import { SitePointers } from './site-pointers';

/** The portal's folder and pointer name (a slug no OPD can take). */
const PORTAL_SLUG = 'portal';

/**
 * Runs one queued city portal build on the worker's background builder (niced; taking turns with background
 * rebuilds, which go first) and records it. A failure leaves the live portal as it was and is thrown, so the queue retries it.
 */
export class PortalBuilder {
  private readonly builds = new PortalBuildsRepository();

  constructor(
    private readonly db: Database,
    private readonly warm: WarmBuilder,
    private readonly config: AppConfig,
  ) {}

  async run(job: PortalBuildJob, jobId: string, attempt: number): Promise<Outcome> {
    const id = await this.db.inPlatform((manager) =>
      this.builds.start(manager, { trigger: job.trigger, jobId, attempt }),
    );
    const pointers = this.config.sites.store ? new SitePointers(this.config.sites.store) : null;
    const result = await this.warm.build(
      {
        api: this.config.sites.apiUrl,
        out: this.config.sites.dir,
        portal: true,
        store: this.config.sites.store,
      },
      {
        // With object storage, the portal's pointer switches under its lock (the portal is rebuilt whole,
        // so a retried job's build is as good as any: no job check).
        mayGoLive: async (publication) => {
          if (pointers && publication)
            await this.db.inPlatform((manager) => pointers.publish(manager, PORTAL_SLUG, publication));
          return true;
        },
      },
    );
    const outcome = result.outcome === 'live' ? 'live' : 'failed';
    await this.db.inPlatform((manager) =>
      this.builds.finish(manager, id, outcome, result.log.slice(-BUILD_LOG_LIMIT)),
    );
    if (outcome === 'failed') throw new Error(`Portal build failed: ${result.log.slice(-500)}`);
    return outcome;
  }
}
