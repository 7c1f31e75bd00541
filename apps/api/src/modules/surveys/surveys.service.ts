import { Inject, Injectable } from '@nestjs/common';
import { type Challenge } from 'altcha-lib';
import { SKM_ELEMENTS, SKM_FIRST_YEAR, skmPeriod, type SkmPeriod } from '@laman/shared';
import { FormChallenges } from '../../core/abuse/form-challenges';
import { PublicFormGuard } from '../../core/abuse/public-form-guard';
import { PersonalDataCipher } from '../../core/crypto/personal-data-cipher';
import { Database } from '../../core/database/database.service';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { dayBefore, wibDay } from '../../core/time/wib';
import { PublishedContentRepository } from '../content/published-content.repository';
import { PublicTextScreen } from '../moderation/public-text-screen';
import { PublicService } from '../public/public.service';
import { type SubmitSurveyDto } from './survey.dto';
import { SURVEY_LIMITS } from './survey-form-limits';
import { type Suggestion, SurveyResponsesRepository } from './survey-responses.repository';
import { surveyResults, type SurveyResults } from './survey-results';

/**
 * The community satisfaction survey of each OPD's services (Permenpan RB 14/2017): anonymous answers from the
 * service pages, behind the public forms' guard, and the index per service and per OPD for any period that has
 * begun, computed from the answers whenever asked — nothing to fill in by hand.
 */
@Injectable()
export class SurveysService {
  private readonly responses = new SurveyResponsesRepository();
  private readonly published = new PublishedContentRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PublicService) private readonly publicApi: PublicService,
    @Inject(PublicFormGuard) private readonly guard: PublicFormGuard,
    @Inject(FormChallenges) private readonly challenges: FormChallenges,
    @Inject(PublicTextScreen) private readonly screen: PublicTextScreen,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
  ) {}

  /** One respondent's answers about one of the OPD's published services. */
  async submit(slug: string, form: SubmitSurveyDto, client: string, now = new Date()): Promise<void> {
    const tenant = await this.publicApi.activeTenant(slug);
    this.guard.refuseEarly(form, SURVEY_LIMITS, client, tenant.id);
    const [service] = await this.db.inTenant(tenant.id, (tx) => this.published.services(tx, form.service));
    if (!service)
      throw new DomainError('SERVICE_NOT_FOUND', 'Layanan tidak ditemukan di situs OPD ini', [
        fieldError('service', 'publishedService', 'Pilih layanan yang Anda gunakan'),
      ]);
    await this.screen.assertClean({ suggestion: form.suggestion });
    await this.guard.admit(form, SURVEY_LIMITS, client, tenant.id, now);
    const answers = SKM_ELEMENTS.map((element) => form[element.name]);
    const profile = {
      ageBand: form.ageBand ?? null,
      sex: form.sex ?? null,
      education: form.education ?? null,
      occupation: form.occupation ?? null,
    };
    // The same answers from the same place on the same day are one respondent's second press of the button.
    const duplicateKey = this.cipher.lookup(
      JSON.stringify([client, service.itemId, answers, profile, form.suggestion ?? '', wibDay(now)]),
    );
    const added = await this.db.inTenant(tenant.id, (tx) =>
      this.responses.insert(tx, {
        serviceId: service.itemId,
        serviceTitle: service.title,
        answers,
        ...profile,
        suggestion: form.suggestion || null,
        duplicateKey,
      }),
    );
    if (!added)
      throw new DomainError(
        'SURVEY_DUPLICATE',
        'Jawaban yang sama untuk layanan ini sudah terkirim hari ini. Terima kasih.',
      );
  }

  /** A proof-of-work challenge for this OPD's survey form. */
  async challenge(slug: string): Promise<Challenge> {
    await this.publicApi.activeTenant(slug);
    return this.challenges.issue(SURVEY_LIMITS.form.name);
  }

  /** The results of `periodKey` (default: this year) for the OPD at `slug`. */
  async results(slug: string, periodKey: string | undefined, now = new Date()): Promise<SurveyResults> {
    const tenant = await this.publicApi.activeTenant(slug);
    return this.resultsOf(tenant.id, periodKey, now);
  }

  /** A page of the period's suggestions, newest first: for the OPD's editors (respondents stay anonymous). */
  async suggestions(
    tenantId: string,
    periodKey: string | undefined,
    page: { limit: number; offset: number },
    now = new Date(),
  ): Promise<{ items: Suggestion[]; total: number }> {
    const period = begunPeriod(periodKey ?? wibDay(now).slice(0, 4), wibDay(now));
    return this.db.inTenant(tenantId, (tx) =>
      this.responses.suggestions(tx, period.from, period.until, page),
    );
  }

  /** The results for the OPD with this id (the site pages and the admin know it already). */
  async resultsOf(tenantId: string, periodKey: string | undefined, now = new Date()): Promise<SurveyResults> {
    const today = wibDay(now);
    const period = begunPeriod(periodKey ?? today.slice(0, 4), today);
    const { services, totals, profile } = await this.db.inTenant(tenantId, async (tx) => ({
      services: await this.published.services(tx),
      totals: await this.responses.totals(tx, period.from, period.until),
      profile: await this.responses.profile(tx, period.from, period.until),
    }));
    const asOf = today < period.until ? today : dayBefore(period.until);
    return surveyResults(period, asOf, services, totals, profile);
  }
}

/** The period named `key`, when it has begun and is not before the first survey year. */
export function begunPeriod(key: string, today: string): SkmPeriod {
  const period = skmPeriod(key);
  if (period && period.from <= today && Number(key.slice(0, 4)) >= SKM_FIRST_YEAR) return period;
  throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
    fieldError(
      'period',
      'surveyPeriod',
      `Periode survei mulai tahun ${SKM_FIRST_YEAR} yang sudah berjalan: tahun (2026), semester (2026-S1) atau triwulan (2026-T1)`,
    ),
  ]);
}
