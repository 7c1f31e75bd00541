import { Inject, Injectable } from '@nestjs/common';
import { type Finding, scanHtml, scanText, scanUrl, type LinkContext } from '@laman/spam-guard';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { DomainError, type FieldError } from '../../core/errors/domain-error';
import { PlatformAlertsRepository } from '../builds/platform-alerts.repository';
import { type PublicOutput } from './public-outputs';
import { SpamGuardService } from './spam-guard.service';

/** A finding, and where in the change it was. */
export interface HeldFinding extends Finding {
  field: string;
}

/** What was held: a content item, a file's description, the site settings. */
export interface HeldSubject {
  type: string;
  id?: string;
  title: string;
}

export const HELD_ALERT = 'content.held_spam';

/**
 * The spam guard at the door: every public output of a change is read (`@laman/spam-guard`) when it is
 * submitted and when it is published; a suspicious change is held by itself — its author gets the reasons,
 * field by field, and platform admins an alert — while the OPD's other changes keep going out.
 */
@Injectable()
export class ModerationService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SpamGuardService) private readonly guards: SpamGuardService,
    @Inject(PlatformAlertsRepository) private readonly alerts: PlatformAlertsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async inspect(tenantSlug: string, outputs: readonly PublicOutput[]): Promise<HeldFinding[]> {
    if (outputs.length === 0) return [];
    const { guard } = await this.guards.current();
    const context = this.linkContext(tenantSlug);
    return outputs.flatMap(({ field, kind, value }) => {
      const findings =
        kind === 'html'
          ? scanHtml(guard, value, context).findings
          : kind === 'url'
            ? scanUrl(guard, value, context)
            : scanText(guard, value).findings;
      return findings.map((found) => ({ ...found, field }));
    });
  }

  /**
   * Refuses a change that goes out as soon as it is saved (a file's description, the site settings) when the
   * guard finds spam in it: nothing is written, the platform is told, the person gets the reasons (422).
   */
  async assertClean(
    tenant: { tenantId: string; slug: string; actor: { userId: string } },
    subject: HeldSubject,
    outputs: readonly PublicOutput[],
  ): Promise<void> {
    const findings = await this.inspect(tenant.slug, outputs);
    if (findings.length === 0) return;
    await this.alert(tenant, subject, findings, tenant.actor.userId);
    throw heldError(findings);
  }

  /** Tells platform admins, in its own transaction: the held change itself was not saved or was sent back. */
  async alert(
    tenant: { tenantId: string; slug: string },
    subject: HeldSubject,
    findings: readonly HeldFinding[],
    actorUserId: string | null,
  ): Promise<void> {
    const first = findings[0];
    await this.db.inPlatform((manager) =>
      this.alerts.raise(manager, {
        aboutTenantId: tenant.tenantId,
        kind: HELD_ALERT,
        message:
          `${subject.title} (${tenant.slug}) ditahan penyaring spam: ${first?.reason ?? '?'}` +
          ` di ${first?.field ?? '?'}. Perubahan lain OPD ini tetap terbit.`,
        details: { tenant: tenant.slug, subject, findings, actorUserId },
      }),
    );
  }

  private linkContext(tenantSlug: string): LinkContext {
    const hosts = [this.config.publicApiUrl, this.config.sites.apiUrl].map((url) => new URL(url).hostname);
    return { siteHost: `${tenantSlug}.${this.config.sites.domain}`, trustedHosts: hosts };
  }
}

/** The answer to the person whose change was held: 422, each finding on its field, in Bahasa Indonesia. */
export function heldError(findings: readonly HeldFinding[]): DomainError {
  const details: FieldError[] = findings.map((found) => ({
    field: found.field,
    constraint: `spam.${found.kind}`,
    message: `${found.field} ditahan: ${found.reason} — "${found.evidence}"`,
  }));
  return new DomainError(
    'CONTENT_HELD',
    'Ditahan penyaring spam: perbaiki bagian yang ditandai lalu kirim lagi. Admin platform sudah diberi tahu; ' +
      'perubahan lain OPD Anda tetap terbit.',
    details,
  );
}

/** A short note for the item itself (its review comment), so its author sees why it came back. */
export function heldNote(findings: readonly HeldFinding[]): string {
  const reasons = findings.slice(0, 3).map((found) => `${found.reason} ("${found.evidence}")`);
  return `Ditahan penyaring spam — ${reasons.join('; ')}`;
}
