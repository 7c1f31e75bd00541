import { Inject, Injectable } from '@nestjs/common';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { withinBudget } from '../../core/scheduling/pass-budget';
import { wibDay } from '../../core/time/wib';
import { PublicContentRepository } from '../public/public-content.repository';
import { SiteSettingsService } from '../site-settings/site-settings.service';
import { TenantsRepository } from '../tenants/tenants.repository';
import { type Tenant } from '../tenants/tenant.entity';
import { assess, type Check, type Completeness, DAY_MS, nextChange, type SiteFacts } from './completeness';
import { type CityPolicy, effectivePolicy } from './policy';
import { PolicyService } from './policy.service';
import { ScoreHistoryRepository } from './score-history.repository';
import { SiteScoresRepository } from './site-scores.repository';

export interface TenantCompleteness extends Completeness {
  tenantId: string;
  slug: string;
  name: string;
  kind: string;
  lastPublishedAt: Date | null;
  /** Whole days since the OPD last published (null: never). */
  daysSinceUpdate: number | null;
}

/**
 * Scores each OPD's public site from what citizens can see now (the published projection and the site
 * settings), read in that tenant's own scope. One OPD's own score is computed on request; the whole city's
 * view reads the kept scores (`site_scores`), each good until its content changes or time alone moves it
 * (`nextChange`), and scores again only the OPDs whose kept score is not good any more.
 */
@Injectable()
export class OversightService {
  private readonly tenants = new TenantsRepository();
  private readonly kept = new SiteScoresRepository();
  private readonly history = new ScoreHistoryRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PublicContentRepository) private readonly content: PublicContentRepository,
    @Inject(SiteSettingsService) private readonly settings: SiteSettingsService,
    @Inject(PolicyService) private readonly policies: PolicyService,
  ) {}

  async forTenant(tenantId: string, now = new Date()): Promise<TenantCompleteness> {
    const { tenant, policy } = await this.tenantAndPolicy(tenantId);
    return this.describe(tenant, now, assess(await this.facts(tenant), now, policy));
  }

  /**
   * One OPD's score now, and what it still meets now but will not in `days` (news going stale, a deadline
   * passing): the same assessment a week ahead, with the same content.
   */
  async outlook(
    tenantId: string,
    now: Date,
    days: number,
  ): Promise<TenantCompleteness & { dueSoon: Check[] }> {
    const { tenant } = await this.tenantAndPolicy(tenantId);
    return this.outlookOf(tenant, await this.policies.cityPolicy(), now, days);
  }

  /** `outlook` for an OPD already read, under the city policy given (a pass over many reads it once). */
  async outlookOf(
    tenant: Tenant,
    city: CityPolicy,
    now: Date,
    days: number,
  ): Promise<TenantCompleteness & { dueSoon: Check[] }> {
    const policy = effectivePolicy(city, tenant.oversightPolicy);
    const facts = await this.facts(tenant);
    const current = this.describe(tenant, now, assess(facts, now, policy));
    const later = assess(facts, new Date(now.getTime() + days * DAY_MS), policy);
    const metNow = new Set(current.checks.filter((check) => check.met).map((check) => check.code));
    return { ...current, dueSoon: later.checks.filter((check) => !check.met && metNow.has(check.code)) };
  }

  /**
   * Every active OPD, lowest score first, from the kept scores. An OPD whose content changed since its score
   * was kept (or that has none) is scored now and kept, so the view is never behind what citizens see; a
   * score that time alone has moved (a deadline, news growing old) is the score pass's, which takes the
   * longest overdue first (a new year: every OPD within minutes).
   */
  async overview(now = new Date()): Promise<TenantCompleteness[]> {
    return (await this.scoresOfAll(now, true)).map(({ missing: _missing, ...row }) => row);
  }

  /** `overview` without the checks: each OPD's score and how many checks it misses (the city digest). */
  summary(now = new Date()): Promise<Array<TenantCompleteness & { missing: number }>> {
    return this.scoresOfAll(now, false);
  }

  private async scoresOfAll(
    now: Date,
    withChecks: boolean,
  ): Promise<Array<TenantCompleteness & { missing: number }>> {
    const { tenants, good } = await this.db.inPlatform(async (manager) => ({
      tenants: await this.tenants.listActive(manager),
      good: await this.kept.current(manager, { checks: withChecks }),
    }));
    const stale = tenants.filter((tenant) => !good.has(tenant.id));
    const city = stale.length ? await this.policies.cityPolicy() : null;
    const scored: Array<TenantCompleteness & { missing: number }> = [];
    for (const tenant of tenants) {
      const kept = good.get(tenant.id);
      const { score, band, bandLabel, checks } = kept ?? (await this.scoreAndKeep(tenant, now, city!));
      const missing = kept?.missing ?? checks.filter((check) => !check.met).length;
      const shown = withChecks ? checks : [];
      scored.push({ ...this.describe(tenant, now, { score, band, bandLabel, checks: shown }), missing });
    }
    return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  }

  /**
   * Scores the OPDs whose kept score is due, the longest overdue first, for as long as one pass may
   * (`withinBudget`, at most `limit`); returns how many.
   */
  async keepDue(now: Date, limit: number): Promise<number> {
    const due = await this.db.inPlatform((manager) => this.kept.due(manager, now, limit));
    if (!due.length) return 0;
    const city = await this.policies.cityPolicy();
    return withinBudget(due, async ({ id }) => {
      const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, id));
      if (tenant) await this.scoreAndKeep(tenant, now, city);
    });
  }

  /**
   * Scores one OPD in one transaction of its own and keeps the result: the current score with the moment it
   * next changes by time alone, and the day's row of its history. The content version is read first, so a
   * change made meanwhile leaves the OPD due again.
   */
  private scoreAndKeep(tenant: Tenant, now: Date, city: CityPolicy): Promise<Completeness> {
    const policy = effectivePolicy(city, tenant.oversightPolicy);
    return this.db.inTenant(tenant.id, async (tx) => {
      const [{ version }] = await tx.manager.query(
        `SELECT content_version::text AS version FROM tenants WHERE id = $1`,
        [tenant.id],
      );
      const facts = await this.readFacts(tx);
      const score = assess(facts, now, policy);
      await this.history.upsert(tx, {
        day: wibDay(now),
        score: score.score,
        band: score.band,
        failedChecks: score.checks.filter((check) => !check.met).map((check) => check.code),
        contentVersion: version,
      });
      await this.kept.keep(tx.manager, tenant.id, {
        ...score,
        contentVersion: version,
        changesAt: nextChange(facts, now, policy),
      });
      return score;
    });
  }

  /** The OPD and the policy it is held to: the city's, with its own differences. */
  private async tenantAndPolicy(tenantId: string): Promise<{ tenant: Tenant; policy: CityPolicy }> {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    if (!tenant) throw new Error(`Tenant ${tenantId} not found`);
    return { tenant, policy: effectivePolicy(await this.policies.cityPolicy(), tenant.oversightPolicy) };
  }

  private facts(tenant: Tenant): Promise<SiteFacts> {
    return this.db.inTenant(tenant.id, (tx) => this.readFacts(tx));
  }

  /** What the assessment reads: the contact settings and every visible item, without article bodies. */
  private async readFacts(tx: TenantTransaction): Promise<SiteFacts> {
    return {
      contact: ((await this.settings.read(tx)).settings.contact ?? {}) as SiteFacts['contact'],
      items: await this.content.everything(tx, 'none'),
    };
  }

  private describe(tenant: Tenant, now: Date, completeness: Completeness): TenantCompleteness {
    const last = tenant.lastPublishedAt;
    return {
      tenantId: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      kind: tenant.kind,
      lastPublishedAt: last,
      daysSinceUpdate: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null,
      ...completeness,
    };
  }
}
