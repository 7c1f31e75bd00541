import { Inject, Injectable } from '@nestjs/common';
import { type Challenge } from 'altcha-lib';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type FieldError } from '../../core/errors/domain-error';
import { FORM_GUARD_FIELDS, PPID_REQUEST_FIELDS } from '@laman/shared';
import { toFieldErrors, withLabels } from '../../core/errors/validation-messages';
import { type SitePage } from '../../core/http/site-page';
import { checked, expectedFailure, formValues, type SiteAnswer } from '../../core/http/site-page-http';
import { type PublicTenant } from '../public/public-tenants';
import { SiteAddresses } from '../public/site-addresses';
import { normaliseCode } from './information-request';
import { InformationRequestsService } from './information-requests.service';
import { lookupFailedPage, problemPage, requestFormPage, statusPage, trackPage } from './ppid-pages';
import { ObjectionsService } from './objections.service';
import { ClarificationReplyDto, FileObjectionDto, RequestStatusQueryDto, SubmitRequestDto } from './ppid.dto';

const REQUEST_FIELDS = [
  'name',
  'address',
  'email',
  'phone',
  'information',
  'purpose',
  'delivery',
  FORM_GUARD_FIELDS.honeypot,
  FORM_GUARD_FIELDS.proof,
];
/** What each field is called on the pages, for the reasons given beside it. */
const LABELS: Record<string, string> = {
  ...Object.fromEntries(PPID_REQUEST_FIELDS.map((field) => [field.name, field.label])),
  delivery: 'Cara menerima informasi',
  message: 'Penjelasan',
  reasons: 'Alasan keberatan',
  statement: 'Kasus posisi',
};

/** The form's rules broken, each told with the field's label. */
async function broken(form: object): Promise<FieldError[]> {
  return withLabels(toFieldErrors(await validate(form, { whitelist: true })), LABELS);
}
const CODE = /^PPID-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const INVALID = 'Periksa kembali isian yang ditandai.';
const NOT_FOUND = 'Permohonan tidak ditemukan.';
const NO_REQUESTS = 'Situs OPD ini tidak menerima permohonan.';
const LOOKUP_INCOMPLETE = 'Isi nomor pendaftaran dan surel atau telepon.';

/**
 * The information request pages of an OPD site, for citizens without JavaScript: the same rules as the JSON
 * routes (InformationRequestsService), each expected failure answered as a page that says what to do.
 */
@Injectable()
export class PpidPagesService {
  constructor(
    @Inject(SiteAddresses) private readonly addresses: SiteAddresses,
    @Inject(InformationRequestsService) private readonly requests: InformationRequestsService,
    @Inject(ObjectionsService) private readonly objections: ObjectionsService,
  ) {}

  async submit(host: string, body: unknown, client: string): Promise<SiteAnswer> {
    return this.atSite(host, 1, async (tenant) => {
      const values = formValues(body, REQUEST_FIELDS);
      const form = plainToInstance(SubmitRequestDto, values);
      const invalid = await broken(form);
      if (invalid.length) return requestFormPage(tenant.name, values, invalid, INVALID, 400);
      try {
        const receipt = await this.requests.submit(tenant.slug, form, client);
        return { redirect: `permohonan/${receipt.code}?baru=1` };
      } catch (error) {
        const expected = expectedFailure(error);
        const problem = expected.code === 'VALIDATION_FAILED' ? INVALID : expected.message;
        return requestFormPage(tenant.name, values, expected.details, problem, expected.status);
      }
    });
  }

  /** A proof-of-work challenge for the request form of the OPD at `host` (the widget on its PPID page). */
  challenge(host: string): Promise<Challenge | SitePage> {
    return this.atSite(host, 2, (tenant) => this.requests.challenge(tenant.slug));
  }

  track(host: string, typed: string, justSent: boolean): Promise<SitePage> {
    return this.atSite(host, 2, async (tenant) => {
      const code = normaliseCode(typed);
      if (!CODE.test(code)) return problemPage(tenant.name, 2, NOT_FOUND, 404);
      return trackPage(tenant.name, code, justSent);
    });
  }

  /** The requester's answer to a request for clarification, from the status page; the status again after. */
  clarify(host: string, body: unknown, client: string): Promise<SitePage> {
    return this.atSite(host, 2, async (tenant) => {
      const values = formValues(body, ['code', 'contact', 'message']);
      const reply = plainToInstance(ClarificationReplyDto, values);
      const invalid = await broken(reply);
      const code = values['code'] ?? '';
      if (invalid.some((error) => error.field !== 'message'))
        return lookupFailedPage(tenant.name, code, LOOKUP_INCOMPLETE, 400);
      try {
        if (invalid.length) {
          const receipt = await this.requests.status(tenant.slug, reply, client);
          return statusPage(tenant.name, receipt, reply.contact, invalid[0]!.message, 400);
        }
        return statusPage(
          tenant.name,
          await this.requests.clarify(tenant.slug, reply, client),
          reply.contact,
        );
      } catch (error) {
        const expected = expectedFailure(error);
        return lookupFailedPage(tenant.name, code, expected.message, expected.status);
      }
    });
  }

  /** The requester's objection to the PPID's answer, from the status page; the status again after. */
  object(host: string, body: unknown, client: string): Promise<SitePage> {
    return this.atSite(host, 2, async (tenant) => {
      const values = formValues(body, ['code', 'contact', 'statement']);
      const reasons = checked(body, 'reasons');
      const form = plainToInstance(FileObjectionDto, { ...values, reasons });
      const invalid = await broken(form);
      const code = values['code'] ?? '';
      if (invalid.some((error) => error.field === 'code' || error.field === 'contact'))
        return lookupFailedPage(tenant.name, code, LOOKUP_INCOMPLETE, 400);
      const attempt = { reasons, statement: values['statement'] ?? '', errors: invalid, problem: INVALID };
      try {
        if (invalid.length) {
          const receipt = await this.requests.status(tenant.slug, form, client);
          return statusPage(tenant.name, receipt, form.contact, null, 400, attempt);
        }
        return statusPage(tenant.name, await this.objections.file(tenant.slug, form, client), form.contact);
      } catch (error) {
        const expected = expectedFailure(error);
        if (expected.code === 'REQUEST_NOT_FOUND' || expected.code === 'RATE_LIMITED')
          return lookupFailedPage(tenant.name, code, expected.message, expected.status);
        const receipt = await this.requests.statusAfterRefusal(tenant.slug, form);
        const refused = { ...attempt, problem: expected.message };
        return statusPage(tenant.name, receipt, form.contact, null, expected.status, refused);
      }
    });
  }

  lookup(host: string, body: unknown, client: string): Promise<SitePage> {
    return this.atSite(host, 2, async (tenant) => {
      const values = formValues(body, ['code', 'contact']);
      const query = plainToInstance(RequestStatusQueryDto, values);
      const invalid = await broken(query);
      const code = values['code'] ?? '';
      if (invalid.length) return lookupFailedPage(tenant.name, code, LOOKUP_INCOMPLETE, 400);
      try {
        return statusPage(tenant.name, await this.requests.status(tenant.slug, query, client), query.contact);
      } catch (error) {
        const expected = expectedFailure(error);
        return lookupFailedPage(tenant.name, code, expected.message, expected.status);
      }
    });
  }

  /**
   * `work` for the active OPD whose site is at `host`; any other host gets a page saying the site takes no
   * requests (`depth`: how far the page sits below `/ppid/`, for its links back).
   */
  private async atSite<T>(
    host: string,
    depth: 1 | 2,
    work: (tenant: PublicTenant) => Promise<T | SitePage>,
  ): Promise<T | SitePage> {
    const tenant = await this.addresses.siteAt(host);
    if (!tenant) return problemPage('Situs OPD', depth, depth === 1 ? NO_REQUESTS : NOT_FOUND, 404);
    return work(tenant);
  }
}
