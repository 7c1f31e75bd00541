import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { QUEUE_SCHEMA, SITE_BUILD_QUEUE } from '../../core/queue/site-build-queue';
import { TenantsRepository } from '../tenants/tenants.repository';
import { type SiteBuildDto, type SiteOverviewDto, type SitesPageDto, toSiteBuildDto } from './builds.dto';
import { type PortalBuildRow, PortalBuildsRepository } from './portal-builds.repository';
import { SiteBuildsRepository } from './site-builds.repository';

/** A tenant's builds, newest first, with a build still waiting in the queue shown on top as `queued`. */
@Injectable()
export class BuildHistoryService {
  private readonly tenants = new TenantsRepository();
  private readonly portal = new PortalBuildsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteBuildsRepository) private readonly builds: SiteBuildsRepository,
  ) {}

  /**
   * A page of active OPDs' latest builds for the platform's overview, troubled sites first: the page is chosen
   * and counted on the tenants table, then each OPD on it has its builds read in its own scope.
   */
  async overview(
    filter: { q?: string; troubled?: boolean; limit: number; offset: number },
    perTenant: number,
  ): Promise<SitesPageDto> {
    const page = await this.db.inPlatform((manager) =>
      this.tenants.sitePage(manager, { ...filter, troubledOnly: filter.troubled }),
    );
    const items: SiteOverviewDto[] = [];
    for (const tenant of page.tenants) {
      const builds = await this.list(tenant.id, { limit: perTenant, offset: 0 });
      items.push({ tenantId: tenant.id, slug: tenant.slug, name: tenant.name, builds });
    }
    return { items, total: page.total, troubled: page.troubled };
  }

  /** The city portal's latest builds (it is rebuilt after every OPD change). */
  portalBuilds(limit: number): Promise<PortalBuildRow[]> {
    return this.db.inPlatform((manager) => this.portal.recent(manager, limit));
  }

  async list(tenantId: string, page: { limit: number; offset: number }): Promise<SiteBuildDto[]> {
    return this.db.inTenant(tenantId, async (tx) => {
      const rows = await this.builds.find(
        tx,
        {},
        { order: { startedAt: 'DESC' }, take: page.limit, skip: page.offset },
      );
      const waiting: Array<{ created_on: Date; trigger: string; retry_count: number }> =
        page.offset === 0
          ? await tx.manager.query(
              `SELECT created_on, data->>'trigger' AS trigger, retry_count FROM ${QUEUE_SCHEMA}.job
                WHERE name = $1 AND singleton_key = $2 AND state IN ('created', 'retry')
                ORDER BY created_on LIMIT 1`,
              [SITE_BUILD_QUEUE, tenantId],
            )
          : [];
      const queued: SiteBuildDto[] = waiting.map((job) => ({
        id: null,
        status: 'queued',
        trigger: job.trigger,
        attempt: job.retry_count + 1,
        startedAt: job.created_on,
        finishedAt: null,
        durationMs: null,
        buildMs: null,
        pages: null,
        checks: null,
        log: '',
      }));
      return [...queued, ...rows.map(toSiteBuildDto)];
    });
  }
}
