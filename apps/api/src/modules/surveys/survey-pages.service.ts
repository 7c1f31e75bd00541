import { Inject, Injectable } from '@nestjs/common';
import { type Challenge } from 'altcha-lib';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  FORM_GUARD_FIELDS,
  SKM_ELEMENTS,
  SKM_PROFILE,
  SKM_PROFILE_FIELDS,
  skmPeriodsBegun,
  html,
} from '@laman/shared';
import { type FieldError } from '../../core/errors/domain-error';
import { toFieldErrors, withLabels } from '../../core/errors/validation-messages';
import { type SitePage } from '../../core/http/site-page';
import { expectedFailure, formValues, type SiteAnswer } from '../../core/http/site-page-http';
import { wibDay } from '../../core/time/wib';
import { Database } from '../../core/database/database.service';
import { PublishedContentRepository } from '../content/published-content.repository';
import { CONTENT_SLUG } from '../content/types/shared-fields';
import { type PublicTenant } from '../public/public-tenants';
import { SiteAddresses } from '../public/site-addresses';
import { SubmitSurveyDto } from './survey.dto';
import { resultsPage, surveyFormPage, surveyPage } from './survey-pages';
import { SurveysService } from './surveys.service';

const FIELDS = [
  'service',
  ...SKM_ELEMENTS.map((element) => element.name),
  ...SKM_PROFILE_FIELDS,
  'suggestion',
  FORM_GUARD_FIELDS.honeypot,
  FORM_GUARD_FIELDS.proof,
];
/** What each field is called on the page, for the reasons given beside it. */
const LABELS: Record<string, string> = {
  ...Object.fromEntries(SKM_ELEMENTS.map((element) => [element.name, `Jawaban unsur ${element.label}`])),
  ...Object.fromEntries(SKM_PROFILE_FIELDS.map((field) => [field, SKM_PROFILE[field].label])),
  suggestion: 'Saran dan masukan',
  service: 'Layanan',
};
const UNANSWERED = 'Pilih satu jawaban untuk tiap pertanyaan.';
const NO_SURVEY = 'Situs OPD ini tidak menerima survei.';
const NO_SERVICE = 'Layanan itu tidak ada di situs ini. Buka survei dari halaman layanannya.';

/** The answers as the API takes them: a radio's value is text in a form post. */
function asNumbers(values: Record<string, string>): Record<string, string | number> {
  const answers = SKM_ELEMENTS.map(({ name }) => [
    name,
    /^[1-4]$/.test(values[name] ?? '') ? Number(values[name]) : values[name],
  ]);
  return { ...values, ...Object.fromEntries(answers.filter(([, value]) => value !== undefined)) };
}

/**
 * The satisfaction survey's pages of an OPD site, for respondents without JavaScript: the same rules as the
 * JSON routes (SurveysService), each expected failure answered as a page that says what to do.
 */
@Injectable()
export class SurveyPagesService {
  private readonly published = new PublishedContentRepository();

  constructor(
    @Inject(SiteAddresses) private readonly addresses: SiteAddresses,
    @Inject(SurveysService) private readonly surveys: SurveysService,
    @Inject(Database) private readonly db: Database,
  ) {}

  /** The survey of one service (`?layanan=<slug>`), for a link from anywhere on the site. */
  form(host: string, serviceSlug: string | undefined): Promise<SitePage> {
    return this.atSite(host, async (tenant) => {
      const service = await this.service(tenant, serviceSlug);
      if (!service)
        return surveyPage(tenant.name, 'Survei kepuasan', html`<p role="alert">${NO_SERVICE}</p>`, 404);
      return surveyFormPage(tenant.name, service, {}, [], null, 200);
    });
  }

  submit(host: string, body: unknown, client: string): Promise<SiteAnswer> {
    return this.atSite(host, async (tenant) => {
      const values = formValues(body, FIELDS);
      const service = await this.service(tenant, values['service']);
      if (!service)
        return surveyPage(tenant.name, 'Survei kepuasan', html`<p role="alert">${NO_SERVICE}</p>`, 404);
      const form = plainToInstance(SubmitSurveyDto, asNumbers(values));
      const invalid = withLabels(toFieldErrors(await validate(form, { whitelist: true })), LABELS);
      if (invalid.length)
        return surveyFormPage(tenant.name, service, values, unanswered(invalid), UNANSWERED, 400);
      try {
        await this.surveys.submit(tenant.slug, form, client);
        return { redirect: `./?terkirim=1&layanan=${service.slug}` };
      } catch (error) {
        const expected = expectedFailure(error);
        if (expected.code === 'SURVEY_DUPLICATE')
          return { redirect: `./?terkirim=1&layanan=${service.slug}` };
        const problem = expected.code === 'VALIDATION_FAILED' ? UNANSWERED : expected.message;
        return surveyFormPage(tenant.name, service, values, expected.details, problem, expected.status);
      }
    });
  }

  /** The results page (`/survei/?periode=2026-S2&layanan=<slug>`): this year by default. */
  results(
    host: string,
    query: { period?: string; service?: string; justSent: boolean },
    now = new Date(),
  ): Promise<SitePage> {
    const { period: periodKey, service, justSent } = query;
    return this.atSite(host, async (tenant) => {
      try {
        const results = await this.surveys.resultsOf(tenant.id, periodKey, now);
        return resultsPage(tenant.name, results, skmPeriodsBegun(wibDay(now)), justSent, service ?? null);
      } catch (error) {
        const expected = expectedFailure(error);
        const problem = 'Periode itu tidak ada. Pilih tahun, semester atau triwulan yang sudah berjalan.';
        return surveyPage(
          tenant.name,
          'Survei kepuasan',
          html`<p role="alert">${problem}</p>`,
          expected.status,
        );
      }
    });
  }

  /** A proof-of-work challenge for the survey form of the OPD at `host`. */
  challenge(host: string): Promise<Challenge | SitePage> {
    return this.atSite(host, (tenant) => this.surveys.challenge(tenant.slug));
  }

  private async service(tenant: PublicTenant, slug: string | undefined) {
    if (!slug || !CONTENT_SLUG.test(slug)) return null;
    const [service] = await this.db.inTenant(tenant.id, (tx) => this.published.services(tx, slug));
    return service ?? null;
  }

  /** `work` for the active OPD whose site is at `host`; any other host gets a page saying there is no survey. */
  private async atSite<T>(
    host: string,
    work: (tenant: PublicTenant) => Promise<T | SitePage>,
  ): Promise<T | SitePage> {
    const tenant = await this.addresses.siteAt(host);
    if (!tenant)
      return surveyPage('Situs OPD', 'Survei kepuasan', html`<p role="alert">${NO_SURVEY}</p>`, 404);
    return work(tenant);
  }
}

/** A missing answer reads as the question left open, not as a number out of range. */
function unanswered(errors: FieldError[]): FieldError[] {
  const open = new Set<string>();
  return errors.flatMap((error) => {
    const element = SKM_ELEMENTS.find((candidate) => candidate.name === error.field);
    if (!element) return [error];
    if (open.has(element.name)) return [];
    open.add(element.name);
    return [{ ...error, message: `Belum dijawab: ${element.question}` }];
  });
}
