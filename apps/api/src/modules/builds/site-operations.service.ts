import { Inject, Injectable } from '@nestjs/common';
import { type Principal } from '../../core/access/principal';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { SiteBuildQueue } from '../../core/queue/site-build-queue';
import { AuditLog } from '../audit/audit-log.service';
import { type PlatformAlert } from './platform-alert.entity';
import { PlatformAlertsRepository } from './platform-alerts.repository';
import { type SiteBuild } from './site-build.entity';
import { lastCleanBuild } from './last-clean-build';
import { SiteBuildsRepository } from './site-builds.repository';
import { type LiveSites, liveSites } from './live-sites';
import { TenantsRepository } from '../tenants/tenants.repository';

interface TenantRef {
  id: string;
  slug: string;
}

/** Platform operations on built sites: rebuild every site (after a theme change), roll one back, alerts. */
@Injectable()
export class SiteOperationsService {
  private readonly sites: LiveSites;
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteBuildQueue) private readonly queue: SiteBuildQueue,
    @Inject(SiteBuildsRepository) private readonly builds: SiteBuildsRepository,
    @Inject(PlatformAlertsRepository) private readonly alerts: PlatformAlertsRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sites = liveSites(config);
  }

  /**
   * Asks for a background rebuild of every active OPD (or the ones named): one job, whatever the number of OPDs,
   * that a worker turns into a build per OPD (RebuildFanout). The builds run at low priority and niceness; an
   * editor's publish meanwhile goes first.
   */
  async rebuild(slugs: string[] | undefined, actor: Principal | null): Promise<{ queued: string[] }> {
    const tenants = await this.activeTenants(slugs);
    if (tenants.length > 0)
      await this.queue.enqueueRebuildAll(
        slugs ? tenants.map((tenant) => tenant.slug) : null,
        actor?.userId ?? null,
      );
    return { queued: tenants.map((tenant) => tenant.slug) };
  }

  /** Makes a kept earlier build live again, and records that as a build of its own. */
  async rollback(tenantId: string, buildId: string, actor: Principal): Promise<SiteBuild> {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
    return this.db.inTenant(
      tenant.id,
      async (tx) => {
        const target = await this.builds.findOne(tx, { id: buildId });
        if (!target || target.status !== 'live' || !target.output)
          throw new DomainError('BUILD_NOT_FOUND', 'Build yang berhasil dengan id itu tidak ditemukan');
        if (!(await this.sites.keptBuilds(tx.manager, tenant.slug)).has(target.output))
          throw new DomainError(
            'BUILD_NOT_KEPT',
            'Hasil build itu sudah tidak disimpan (hanya beberapa build terakhir yang disimpan)',
          );
        const now = new Date();
        const rollback = await this.builds.insert(tx, {
          status: 'live',
          trigger: 'rollback',
          jobId: null,
          attempt: 1,
          startedAt: now,
          finishedAt: now,
          durationMs: 0,
          buildMs: null,
          pages: target.pages,
          checks: target.checks,
          output: target.output,
          log: `Dikembalikan ke build ${target.id} (${target.startedAt.toISOString()}) oleh ${actor.email}`,
        });
        await this.audit.record(tx, {
          actorUserId: actor.userId,
          action: 'site.rolled_back',
          targetType: 'site_build',
          targetId: target.id,
        });
        // Last, so a failed swap rolls the records back with it.
        await this.sites.makeLive(tx.manager, tenant.slug, target.output);
        return rollback;
      },
      actor.userId,
    );
  }

  /** The emergency clean-up: back to the newest clean build that is not live now (see lastCleanBuild). */
  async rollbackToLastClean(tenantId: string, actor: Principal): Promise<SiteBuild> {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
    const { builds, kept } = await this.db.inTenant(tenant.id, async (tx) => ({
      builds: await this.builds.find(tx, { status: 'live' }, { order: { startedAt: 'DESC' }, take: 50 }),
      kept: await this.sites.keptBuilds(tx.manager, tenant.slug),
    }));
    const target = lastCleanBuild(builds, (output) => kept.has(output));
    if (!target) {
      throw new DomainError(
        'BUILD_NOT_KEPT',
        'Tidak ada build bersih lain yang masih disimpan; bangun ulang situs setelah kontennya dibersihkan',
      );
    }
    return this.rollback(tenant.id, target.id, actor);
  }

  openAlerts(page: { limit: number; offset: number }): Promise<PlatformAlert[]> {
    return this.db.inPlatform((manager) => this.alerts.listOpen(manager, page.limit, page.offset));
  }

  private async activeTenants(slugs: string[] | undefined): Promise<TenantRef[]> {
    const rows: TenantRef[] = await this.db.platformQuery(
      `SELECT id, slug FROM tenants WHERE status = 'active' AND ($1::text[] IS NULL OR slug = ANY($1)) ORDER BY slug`,
      [slugs ?? null],
    );
    if (slugs) {
      const missing = slugs.filter((slug) => !rows.some((row) => row.slug === slug));
      if (missing.length)
        throw new DomainError('TENANT_NOT_FOUND', `OPD aktif tidak ditemukan: ${missing.join(', ')}`);
    }
    return rows;
  }
}
