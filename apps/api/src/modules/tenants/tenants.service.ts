import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { type Principal, type TenantContext } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { SiteChangeNotifier } from '../../core/database/site-change-notifier';
import { SiteChangesRepository } from '../site-changes/site-changes.repository';
import { DomainError } from '../../core/errors/domain-error';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { AuditLog } from '../audit/audit-log.service';
import { type LiveSites, liveSites } from '../builds/live-sites';
import { suspendedPage } from '../builds/suspended-page';
import { InvitationsService } from '../users/invitations.service';
import {
  type CreateTenantDto,
  type ProvisionedTenantDto,
  type TenantListQueryDto,
  toTenantDto,
  type UpdateTenantContactDto,
  type UpdateTenantDto,
} from './dto/tenant.dto';
import { type Tenant } from './tenant.entity';
import { TenantsRepository } from './tenants.repository';

/** The OPD's own fields its public site shows: changing one rebuilds the site. */
const SITE_FIELDS = ['slug', 'name', 'shortName', 'kind', 'customDomain'] as const;

/** Provisioning and lifecycle of OPD tenants (platform admins), and an OPD's own profile (tenant admins). */
@Injectable()
export class TenantsService {
  /** Where suspension takes the static site down (and reactivation brings it back). */
  private readonly sites: LiveSites;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(TenantsRepository) private readonly tenants: TenantsRepository,
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(SiteChangeNotifier) private readonly notifier: SiteChangeNotifier,
    @Inject(SiteChangesRepository) private readonly siteChanges: SiteChangesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sites = liveSites(config);
  }

  /** Creates the tenant and its first tenant admin in one transaction: both exist, or neither does. */
  async provision(dto: CreateTenantDto, actor: Principal): Promise<ProvisionedTenantDto> {
    const tenantId = randomUUID();
    const { firstAdmin, ...fields } = dto;
    return translateUniqueViolations(dto, () =>
      this.db.inTenant(tenantId, async (tx) => {
        await this.assertSlugFree(tx.manager, dto.slug);
        if (dto.customDomain) await this.assertDomainFree(tx.manager, dto.customDomain);
        const tenant = await this.tenants.insert(tx.manager, {
          id: tenantId,
          ...fields,
          formerNames: dto.formerNames ?? [],
        });
        const added = await this.invitations.addToTenant(
          tx,
          { ...firstAdmin, role: 'tenant_admin' },
          actor.userId,
        );
        await this.audit.record(tx, {
          actorUserId: actor.userId,
          action: 'tenant.provisioned',
          targetType: 'tenant',
          targetId: tenantId,
          data: { slug: dto.slug, firstAdmin: added.email },
        });
        return {
          tenant: toTenantDto(tenant),
          firstAdmin: { userId: added.userId, email: added.email, invitation: added.invitation },
        };
      }),
    );
  }

  list(query: TenantListQueryDto): Promise<[Tenant[], number]> {
    return this.db.inPlatform((manager) => this.tenants.list(manager, query));
  }

  get(id: string): Promise<Tenant> {
    return this.db.inPlatform((manager) => this.require(manager, id));
  }

  update(id: string, dto: UpdateTenantDto, actor: Principal): Promise<Tenant> {
    return translateUniqueViolations(dto, () =>
      this.db.inTenant(id, async (tx) => {
        const before = await this.require(tx.manager, id);
        if (dto.customDomain) await this.assertDomainFree(tx.manager, dto.customDomain, id);
        const renamed = dto.slug !== undefined && dto.slug !== before.slug;
        if (renamed) await this.assertSlugFree(tx.manager, dto.slug!, id);
        const updated = await this.tenants.update(tx.manager, id, {
          ...dto,
          // The old slug keeps reaching this OPD (public API, old site address) and stays reserved for it.
          ...(renamed
            ? { formerSlugs: [...before.formerSlugs.filter((slug) => slug !== dto.slug), before.slug] }
            : {}),
        });
        // What the site shows of the OPD itself changed: rebuild it (under its new slug, if renamed).
        if (SITE_FIELDS.some((field) => dto[field] !== undefined && dto[field] !== before[field]))
          await this.siteChanges.record(tx, 'tenant.changed');
        else await this.notifier.tenantChanged(tx);
        await this.audit.record(tx, {
          actorUserId: actor.userId,
          action: 'tenant.updated',
          targetType: 'tenant',
          targetId: id,
          data: { fields: Object.keys(dto), ...(renamed ? { from: before.slug, to: dto.slug } : {}) },
        });
        return updated;
      }),
    );
  }

  setStatus(id: string, status: 'active' | 'suspended', actor: Principal, reason?: string): Promise<Tenant> {
    return this.db.inTenant(id, async (tx) => {
      const tenant = await this.require(tx.manager, id);
      if (tenant.status === status) {
        throw new DomainError(
          'TENANT_STATUS_UNCHANGED',
          status === 'active' ? 'OPD ini sudah aktif' : 'OPD ini sudah dinonaktifkan',
        );
      }
      const suspended = status === 'suspended';
      const updated = await this.tenants.update(tx.manager, id, {
        status,
        suspendedReason: suspended ? (reason ?? null) : null,
        suspendedAt: suspended ? new Date() : null,
      });
      // The public API stops (or resumes) serving this tenant at once.
      await this.notifier.tenantChanged(tx);
      await this.audit.record(tx, {
        actorUserId: actor.userId,
        action: suspended ? 'tenant.suspended' : 'tenant.reactivated',
        targetType: 'tenant',
        targetId: id,
        ...(reason ? { data: { reason } } : {}),
      });
      // The static site follows at once (nginx and the sites server read the live link on every request; with
      // object storage, the edges apply the pointer within their polling interval).
      // Last, so a failure on disk rolls the status back with it.
      if (suspended)
        await this.sites.suspend(
          tx.manager,
          tenant.slug,
          suspendedPage(tenant.name, this.config.sites.domain),
        );
      else await this.sites.resume(tx.manager, tenant.slug);
      return updated;
    });
  }

  profile(tenant: TenantContext): Promise<Tenant> {
    return this.get(tenant.tenantId);
  }

  updateContact(tenant: TenantContext, dto: UpdateTenantContactDto): Promise<Tenant> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const updated = await this.tenants.update(tx.manager, tenant.tenantId, dto);
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: 'tenant.contact_updated',
        targetType: 'tenant',
        targetId: tenant.tenantId,
        data: { fields: Object.keys(dto) },
      });
      return updated;
    });
  }

  private async require(manager: EntityManager, id: string): Promise<Tenant> {
    const tenant = await this.tenants.findById(manager, id);
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
    return tenant;
  }

  private async assertSlugFree(manager: EntityManager, slug: string, exceptId?: string): Promise<void> {
    if (await this.tenants.isSlugTaken(manager, slug, exceptId)) throw slugTaken(slug);
  }

  private async assertDomainFree(manager: EntityManager, domain: string, exceptId?: string): Promise<void> {
    if (await this.tenants.isDomainTaken(manager, domain, exceptId)) throw domainTaken(domain);
  }
}

function slugTaken(slug: string): DomainError {
  return new DomainError('TENANT_SLUG_TAKEN', `Slug "${slug}" sudah dipakai OPD lain`, [
    { field: 'slug', constraint: 'unique', message: `slug "${slug}" sudah dipakai`, args: [slug] },
  ]);
}

function domainTaken(domain: string): DomainError {
  return new DomainError('TENANT_DOMAIN_TAKEN', `Domain "${domain}" sudah dipakai OPD lain`, [
    {
      field: 'customDomain',
      constraint: 'unique',
      message: `customDomain "${domain}" sudah dipakai`,
      args: [domain],
    },
  ]);
}

/** Two admins racing for one slug: the loser gets the same clear 409 as a plain duplicate, not a 500. */
async function translateUniqueViolations<T>(
  given: { slug?: string; customDomain?: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const constraint = (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError
      ?.constraint;
    if (error instanceof QueryFailedError && constraint === 'tenants_slug_key')
      throw slugTaken(given.slug ?? '');
    if (error instanceof QueryFailedError && constraint === 'tenants_custom_domain_key')
      throw domainTaken(given.customDomain ?? '');
    throw error;
  }
}
