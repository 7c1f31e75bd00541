import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { Mailer } from '../../core/mail/mailer';
import { PASS_BUDGET_MS, withinBudget } from '../../core/scheduling/pass-budget';
import { PeriodicService } from '../../core/scheduling/periodic-service';
import { OversightService } from '../oversight/oversight.service';
import { type CityPolicy } from '../oversight/policy';
import { PolicyService } from '../oversight/policy.service';
import { type Tenant } from '../tenants/tenant.entity';
import { TenantsRepository } from '../tenants/tenants.repository';
import { cityDigest, digestWeek, opdDigest } from './digest-text';
import { type DigestRow, type DigestStatus, DigestsRepository } from './digests.repository';

const DUE_SOON_DAYS = 7;
/** OPDs a pass takes up at most (it stops sooner when its time is up: `withinBudget`). */
export const DIGESTS_PER_PASS = 200;
/** OPDs the city summary names in each of its lists (lowest scores, longest quiet); the dashboard has all. */
export const CITY_DIGEST_LIST = 25;

export interface DigestRun {
  week: string;
  /** OPD digests written by this run (sent, skipped or failed). */
  opd: number;
  city: boolean;
}

export interface CityDigestsView {
  week: string;
  digests: DigestRow[];
  /** One page of active OPDs, by name, with each one's latest digest. */
  opd: Array<{ slug: string; name: string; optOut: boolean; latest: DigestRow | null }>;
  opdTotal: number;
}

/**
 * The weekly nudges: each OPD's digest to its editors and admins (unless it opted out), then the city summary
 * to monitors and platform admins, from Monday 07:00 WIB, a batch of OPDs per pass (DIGESTS_PER_PASS). Every
 * digest is recorded with how sending went, and each is claimed once per week, so a repeat pass or a second
 * instance sends nothing twice.
 */
@Injectable()
export class DigestsService extends PeriodicService<DigestRun> {
  private readonly digests = new DigestsRepository();
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(OversightService) private readonly oversight: OversightService,
    @Inject(PolicyService) private readonly policies: PolicyService,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('Digests', config.schedulerIntervalSeconds, db);
  }

  protected nothing(now: Date): DigestRun {
    return { week: digestWeek(now).week, opd: 0, city: false };
  }

  protected pass(now: Date): Promise<DigestRun> {
    return this.sendDue(now);
  }

  /** This week's digests if they are due and not written yet; `force` ignores the Monday 07:00 start. */
  async sendDue(now = new Date(), force = false, budgetMs = PASS_BUDGET_MS): Promise<DigestRun> {
    const { week, due } = digestWeek(now);
    const nothing = { week, opd: 0, city: false };
    // A run started early by hand (forced) goes on in the following passes until the city summary is out.
    if (!due && !force && !(await this.db.inPlatform((manager) => this.digests.started(manager, week))))
      return nothing;
    if (await this.db.inPlatform((manager) => this.digests.cityDone(manager, week))) return nothing;
    // A batch of the OPDs still owed this week's digest per pass: a pass stays short however many OPDs there
    // are; the city summary goes out in the pass that finds none left.
    const owed = await this.db.inPlatform((manager) => this.digests.owed(manager, week, DIGESTS_PER_PASS));
    const city = owed.length ? await this.policies.cityPolicy() : null;
    const started = performance.now();
    let opd = 0;
    await withinBudget(
      owed,
      async (tenant) => {
        if (await this.sendOpd(tenant, city!, week, now)) opd++;
        await this.db.inPlatform((manager) => this.digests.markDigested(manager, tenant.id, week));
      },
      budgetMs,
    );
    // The city summary goes out once no OPD is owed — in this pass if half its turn is left, else the next.
    if (owed.length && performance.now() - started > budgetMs / 2) return { week, opd, city: false };
    const left = await this.db.inPlatform((manager) => this.digests.owed(manager, week, 1));
    return { week, opd, city: left.length === 0 && (await this.sendCity(week, now)) };
  }

  private async sendOpd(tenant: Tenant, city: CityPolicy, week: string, now: Date): Promise<boolean> {
    const outlook = await this.oversight.outlookOf(tenant, city, now, DUE_SOON_DAYS);
    const text = opdDigest(
      {
        name: tenant.name,
        score: outlook.score,
        bandLabel: outlook.bandLabel,
        missing: outlook.checks.filter((check) => !check.met),
        dueSoon: outlook.dueSoon,
        dashboardUrl: `${this.config.adminUrl}/opd/${tenant.slug}/`,
      },
      week,
    );
    const { id, recipients } = await this.db.inTenant(tenant.id, async (tx) => {
      const recipients = tenant.digestOptOut ? [] : await this.digests.opdRecipients(tx);
      return { id: await this.digests.claim(tx, { week, ...text, recipients }), recipients };
    });
    if (!id) return false;
    const [status, reason] = await this.deliver(recipients, text, tenant.digestOptOut ? 'opted_out' : null);
    await this.db.inTenant(tenant.id, (tx) => this.digests.finish(tx, id, status, reason));
    return true;
  }

  private async sendCity(week: string, now: Date): Promise<boolean> {
    const policy = await this.policies.cityPolicy();
    const view = await this.oversight.cityDigestView(now, policy.newsMaxDays, CITY_DIGEST_LIST);
    const text = cityDigest(
      { ...view.summary, quiet: view.quiet, lowest: view.lowest, quietest: view.quietest },
      week,
      policy.newsMaxDays,
      `${this.config.adminUrl}/pantau/`,
    );
    const recipients = await this.db.inPlatform((manager) => this.digests.cityRecipients(manager));
    const id = await this.db.inPlatform((manager) =>
      this.digests.claimCity(manager, { week, ...text, recipients }),
    );
    if (!id) return false;
    const [status, reason] = await this.deliver(recipients, text, null);
    await this.db.inPlatform((manager) => this.digests.finishCity(manager, id, status, reason));
    return true;
  }

  private async deliver(
    recipients: string[],
    text: { subject: string; body: string },
    skip: string | null,
  ): Promise<[DigestStatus, string | null]> {
    if (skip) return ['skipped', skip];
    if (recipients.length === 0) return ['skipped', 'no_recipients'];
    if (!this.mailer.configured) return ['skipped', 'smtp_not_configured'];
    try {
      await this.mailer.send({ to: recipients, subject: text.subject, text: text.body });
      return ['sent', null];
    } catch (error) {
      this.logger.warn({ err: error }, 'Digest not sent');
      return ['failed', error instanceof Error ? error.message.slice(0, 500) : String(error)];
    }
  }

  async forTenant(tenantId: string): Promise<{ optOut: boolean; digests: DigestRow[] }> {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    const digests = await this.db.inTenant(tenantId, (tx) => this.digests.recent(tx, 12));
    return { optOut: tenant?.digestOptOut ?? false, digests };
  }

  async setOptOut(tenantId: string, optOut: boolean): Promise<{ optOut: boolean }> {
    await this.db.inPlatform((manager) => this.digests.setOptOut(manager, tenantId, optOut));
    return { optOut };
  }

  /** The city's recent digests, and a page of active OPDs with their latest (read in each one's scope). */
  async city(
    page: { q?: string; limit: number; offset: number },
    now = new Date(),
  ): Promise<CityDigestsView> {
    const { week } = digestWeek(now);
    const { digests, active, total } = await this.db.inPlatform(async (manager) => {
      const [active, total] = await this.tenants.list(manager, { ...page, status: 'active' });
      return { digests: await this.digests.recentCity(manager, 8), active, total };
    });
    const opd: CityDigestsView['opd'] = [];
    for (const tenant of active) {
      const [latest] = await this.db.inTenant(tenant.id, (tx) => this.digests.recent(tx, 1));
      opd.push({ slug: tenant.slug, name: tenant.name, optOut: tenant.digestOptOut, latest: latest ?? null });
    }
    return { week, digests, opd, opdTotal: total };
  }
}
