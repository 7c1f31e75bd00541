import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { AuditLog } from '../audit/audit-log.service';
import { MediaReferences } from '../media/media-references';
import { SiteChangesRepository } from '../site-changes/site-changes.repository';
import { ModerationService } from '../moderation/moderation.service';
import { publicOutputs } from '../moderation/public-outputs';
import { DEFAULT_SETTINGS, type SiteSettingsDto, type SiteSettingsFieldsDto } from './site-settings.dto';

interface SettingsRow {
  data: SiteSettingsFieldsDto;
  version: number;
  updated_at: Date;
}

/** One settings document per OPD (contact, branding, menu, footer, complaint links), versioned like content. */
@Injectable()
export class SiteSettingsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteChangesRepository) private readonly siteChanges: SiteChangesRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(ModerationService) private readonly moderation: ModerationService,
    @Inject(MediaReferences) private readonly mediaReferences: MediaReferences,
  ) {}

  get(tenant: TenantContext): Promise<SiteSettingsDto> {
    return this.db.inTenant(tenant.tenantId, (tx) => this.read(tx));
  }

  async read(tx: TenantTransaction): Promise<SiteSettingsDto> {
    const rows: SettingsRow[] = await tx.manager.query(
      `SELECT data, version, updated_at FROM site_settings WHERE tenant_id = $1`,
      [tx.tenantId],
    );
    const row = rows[0];
    return row
      ? { version: row.version, settings: row.data, updatedAt: row.updated_at }
      : { version: 0, settings: DEFAULT_SETTINGS, updatedAt: null };
  }

  /** Settings go out on save (every page shows the menu, links and contact): the spam guard reads them first. */
  async update(
    tenant: TenantContext,
    version: number,
    settings: SiteSettingsFieldsDto,
  ): Promise<SiteSettingsDto> {
    await this.moderation.assertClean(
      tenant,
      { type: 'site_settings', title: 'Pengaturan situs' },
      publicOutputs(settings, [], 'settings'),
    );
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      await tx.manager.query(`SELECT 1 FROM site_settings WHERE tenant_id = $1 FOR UPDATE`, [tx.tenantId]);
      // The logo and the home page photo go out on save: files of this OPD's library, with alt text.
      await this.mediaReferences.assertPublishable(tx, settings, 'settings');
      const current = await this.read(tx);
      if (current.version !== version) {
        throw new DomainError(
          'CONTENT_VERSION_CONFLICT',
          `Pengaturan situs sudah diubah orang lain (versi ${current.version}, Anda mengedit versi ${version}).`,
          [],
          {},
          { current },
        );
      }
      await tx.manager.query(
        `INSERT INTO site_settings (tenant_id, data, version, updated_by, updated_at) VALUES ($1, $2, 1, $3, now())
         ON CONFLICT (tenant_id) DO UPDATE SET data = excluded.data, version = site_settings.version + 1,
           updated_by = excluded.updated_by, updated_at = now()`,
        [tx.tenantId, settings, tenant.actor.userId],
      );
      await this.siteChanges.record(tx, 'settings.changed');
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: 'settings.updated',
        targetType: 'site_settings',
        data: { fields: Object.keys(settings) },
      });
      return this.read(tx);
    });
  }
}
