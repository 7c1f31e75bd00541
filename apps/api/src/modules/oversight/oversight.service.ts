import { skmMinimumRespondents } from '@laman/shared';
import { Inject, Injectable } from '@nestjs/common';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { withinBudget } from '../../core/scheduling/pass-budget';
import { wibDay } from '../../core/time/wib';
import { InformationRequestsRepository } from '../ppid/information-requests.repository';
import { SurveyResponsesRepository } from '../surveys/survey-responses.repository';
import { PublicContentRepository } from '../public/public-content.repository';
import { SiteSettingsService } from '../site-settings/site-settings.service';
import { TenantsRepository } from '../tenants/tenants.repository';
import { type Tenant } from '../tenants/tenant.entity';
import {
  assess,
  BANDS,
  type Check,
  type Completeness,
  DAY_MS,
  nextChange,
  type SiteFacts,
} from './completeness';
import { type CityPolicy, effectivePolicy } from './policy';
import { PolicyService } from './policy.service';
import { ScoreHistoryRepository } from './score-history.repository';
import {
  type ScoreFilter,
  type ScoreGroup,
  type ScoreRow,
  SiteScoresRepository,
} from './site-scores.repository';

export interface TenantCompleteness extends Completeness {
  tenantId: string;
  slug: string;
  name: string;
  kind: string;
  lastPublishedAt: Date | null;
  /** Whole days since the OPD last published (null: never). */
  daysSinceUpdate: number | null;
}

/** What the monitors' weekly city summary says: the whole city in counts, and the few OPDs to look at first. */
export interface CityDigestView {
  summary: CitySummary;
  /** Active OPDs that have not published for more than `quietDays` days (or never have). */
  quiet: number;
  /** The lowest kept scores, and the OPDs longest without publishing (at most `limit` of each). */
  lowest: Array<TenantCompleteness & { missing: number }>;
  quietest: Array<TenantCompleteness & { missing: number }>;
}

/** A page of the monitors' dashboard. */
export interface OversightPage {
  items: TenantCompleteness[];
  /** OPDs matching the filter, over all pages. */
  total: number;
  summary: CitySummary;
}

/** Every active OPD at a glance: how many, the average score, and how many in each band and of each kind. */
export interface CitySummary {
  opds: number;
  average: number | null;
  bands: Array<{ band: string; bandLabel: string; opds: number }>;
  kinds: Array<{ kind: string; opds: number }>;
}

/** The summary from the per band-and-kind counts; every band is listed (zero when no OPD is in it). */
export function summarise(groups: ScoreGroup[]): CitySummary {
  const opds = groups.reduce((sum, group) => sum + group.opds, 0);
  const scoreSum = groups.reduce((sum, group) => sum + group.scoreSum, 0);
  const count = (pick: (group: ScoreGroup) => boolean) =>
    groups.filter(pick).reduce((sum, group) => sum + group.opds, 0);
  const kinds = [...new Set(groups.map((group) => group.kind))].sort();
  return {
    opds,
    average: opds ? Math.round((scoreSum / opds) * 10) / 10 : null,
    bands: BANDS.map(({ band, label }) => ({ band, bandLabel: label, opds: count((g) => g.band === band) })),
    kinds: kinds.map((kind) => ({ kind, opds: count((g) => g.kind === kind) })),
  };
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
  private readonly requests = new InformationRequestsRepository();
  private readonly surveys = new SurveyResponsesRepository();
  private scoring: Promise<void> | null = null;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PublicContentRepository) private readonly content: PublicContentRepository,
    @Inject(SiteSettingsService) private readonly settings: SiteSettingsService,
    @Inject(PolicyService) private readonly policies: PolicyService,
  ) {}

  async forTenant(tenantId: string, now = new Date()): Promise<TenantCompleteness> {
    const { tenant, policy } = await this.tenantAndPolicy(tenantId);
    return this.describeTenant(tenant, now, assess(await this.facts(tenant, now), now, policy));
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
    const facts = await this.facts(tenant, now);
    const current = this.describeTenant(tenant, now, assess(facts, now, policy));
    const later = assess(facts, new Date(now.getTime() + days * DAY_MS), policy);
    const metNow = new Set(current.checks.filter((check) => check.met).map((check) => check.code));
    return { ...current, dueSoon: later.checks.filter((check) => !check.met && metNow.has(check.code)) };
  }

  /**
   * One page of the active OPDs' scores (lowest first, or longest without publishing first), with the city's
   * summary: how many OPDs in each band and kind, and the average. Reads the kept scores; OPDs whose content
   * changed since their score was kept (or that have none) are scored first (`scoreChanged`), so the view is
   * never behind what citizens see. A score that time alone has moved (a deadline, news growing old) is the
   * score pass's, which takes the longest overdue first (a new year: every OPD within minutes).
   */
  async overview(filter: ScoreFilter, now = new Date()): Promise<OversightPage> {
    await this.scoreChanged(now);
    const { page, groups } = await this.db.inPlatform(async (manager) => ({
      page: await this.kept.page(manager, filter),
      groups: await this.kept.groups(manager),
    }));
    return {
      items: page.rows.map(({ missing: _missing, ...row }) => this.describe(row, now)),
      total: page.total,
      summary: summarise(groups),
    };
  }

  /** Every active OPD's score and how many checks it misses, lowest first, without the checks (the city digest). */
  async summary(now = new Date()): Promise<Array<TenantCompleteness & { missing: number }>> {
    await this.scoreChanged(now);
    const rows = await this.db.inPlatform((manager) => this.kept.all(manager));
    return rows.map((row) => ({ ...this.describe(row, now), missing: row.missing }));
  }

  /**
   * The city digest's facts, read in the database as counts and two short lists, so writing it costs the same
   * for a city of 40 as for a country of 20,000 (a mail listing every OPD would be neither cheap nor read).
   */
  async cityDigestView(now: Date, quietDays: number, limit: number): Promise<CityDigestView> {
    await this.scoreChanged(now);
    // Quiet for more than `quietDays` whole days: last published before the start of day quietDays + 1.
    const since = new Date(now.getTime() - (quietDays + 1) * DAY_MS);
    const first = { limit, offset: 0 } as const;
    return this.db.inPlatform(async (manager) => {
      // Without the checks: the digest says how many each OPD misses, the dashboard says which.
      const described = (rows: ScoreRow[]) =>
        rows.map((row) => ({ ...this.describe({ ...row, checks: [] }, now), missing: row.missing }));
      return {
        summary: summarise(await this.kept.groups(manager)),
        quiet: await this.kept.quietSince(manager, since),
        lowest: described((await this.kept.page(manager, { ...first, sort: 'score' })).rows),
        quietest: described((await this.kept.page(manager, { ...first, sort: 'stale' })).rows),
      };
    });
  }

  /**
   * Scores the active OPDs whose kept score is not for their current content. Concurrent callers in this
   * process share one run, so a burst of dashboard or portal reads scores each changed OPD once.
   */
  private scoreChanged(now: Date): Promise<void> {
    this.scoring ??= this.scoreChangedNow(now).finally(() => (this.scoring = null));
    return this.scoring;
  }

  private async scoreChangedNow(now: Date): Promise<void> {
    const changed = await this.db.inPlatform((manager) => this.kept.changed(manager));
    if (!changed.length) return;
    const city = await this.policies.cityPolicy();
    for (const { id } of changed) {
      const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, id));
      if (tenant?.status === 'active') await this.scoreAndKeep(tenant, now, city);
    }
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
      const facts = await this.readFacts(tx, now);
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

  private facts(tenant: Tenant, now: Date): Promise<SiteFacts> {
    return this.db.inTenant(tenant.id, (tx) => this.readFacts(tx, now));
  }

  /**
   * What the assessment reads: the contact settings, every visible item without article bodies, the clocks of
   * the information requests of the last year (and any still unanswered), and when the latest survey answers came
   * (as many as the largest sample the survey can need: 384).
   */
  private async readFacts(tx: TenantTransaction, now: Date): Promise<SiteFacts> {
    return {
      contact: ((await this.settings.read(tx)).settings.contact ?? {}) as SiteFacts['contact'],
      items: await this.content.everything(tx, 'none'),
      requests: await this.requests.clocks(tx, wibDay(new Date(now.getTime() - 366 * DAY_MS))),
      surveyAnswers: await this.surveys.latest(tx, skmMinimumRespondents(null)),
    };
  }

  private describe(opd: Omit<TenantCompleteness, 'daysSinceUpdate'>, now: Date): TenantCompleteness {
    const last = opd.lastPublishedAt;
    return { ...opd, daysSinceUpdate: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null };
  }

  private describeTenant(tenant: Tenant, now: Date, completeness: Completeness): TenantCompleteness {
    const { id: tenantId, slug, name, kind, lastPublishedAt } = tenant;
    return this.describe({ tenantId, slug, name, kind, lastPublishedAt, ...completeness }, now);
  }
}
