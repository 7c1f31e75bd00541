import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Challenge } from 'altcha-lib';
import { FormChallenges } from '../../core/abuse/form-challenges';
import { PublicFormGuard } from '../../core/abuse/public-form-guard';
import { PublicFormLimits } from '../../core/abuse/public-form-limits';
import { PersonalDataCipher } from '../../core/crypto/personal-data-cipher';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { Mailer } from '../../core/mail/mailer';
import { wibDay } from '../../core/time/wib';
import { CalendarService } from '../calendar/calendar.service';
import { PublicTextScreen } from '../moderation/public-text-screen';
import { PublicService } from '../public/public.service';
import {
  ANSWER_WORKING_DAYS,
  normaliseCode,
  normaliseContact,
  STATUS_LABELS,
  trackingCode,
} from './information-request';
import { InformationRequestsRepository, type RequestState } from './information-requests.repository';
import {
  InformationRequestEventsRepository,
  type ShownStep,
  STEP_LABELS,
} from './information-request-events.repository';
import { type ClarificationReplyDto, type RequestStatusQueryDto, type SubmitRequestDto } from './ppid.dto';
import { REQUEST_FORM_LIMITS, STATUS_LOOKUP } from './ppid-form-limits';
import { requestReceipt } from './request-receipt';
import { AnswerAttachments } from './answer-attachments';
import { InformationObjectionsRepository } from './information-objections.repository';
import { objectionView, type ObjectionView, objectionWindow } from './objection';

export interface RequestReceipt extends RequestState {
  statusLabel: string;
  /** What the PPID did so far, oldest first (a new request has none). */
  steps: ShownStep[];
  /** The objection to the PPID's answer, once filed. */
  objection: ObjectionView | null;
  /** The last day an objection may be filed, while one may be (none filed, the window open). */
  objectionUntil: string | null;
}

/** A request found by its code and contact, as work on it reads it. */
export type FoundRequest = RequestState & { id: string };

/** A fresh code clashing with an existing one (40 random bits: very rare) is drawn again, this many times. */
const CODE_ATTEMPTS = 3;

/**
 * Citizens' information requests to an OPD (UU 14/2008): registered with a tracking code and the legal clock
 * (the 10th working day after receipt, on the platform's working calendar), the requester's personal data sealed
 * at rest; the status is shown to whoever has the code and the contact the request was made with, and to no one
 * else, without any personal data.
 */
@Injectable()
export class InformationRequestsService {
  private readonly requests = new InformationRequestsRepository();
  private readonly events = new InformationRequestEventsRepository();
  private readonly objections = new InformationObjectionsRepository();
  private readonly logger = new Logger('InformationRequests');

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PublicService) private readonly publicApi: PublicService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(PublicFormLimits) private readonly limits: PublicFormLimits,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(FormChallenges) private readonly challenges: FormChallenges,
    @Inject(PublicFormGuard) private readonly guard: PublicFormGuard,
    @Inject(PublicTextScreen) private readonly screen: PublicTextScreen,
    @Inject(AnswerAttachments) private readonly attachments: AnswerAttachments,
  ) {}

  async submit(
    slug: string,
    form: SubmitRequestDto,
    client: string,
    now = new Date(),
  ): Promise<RequestReceipt> {
    assertReachable(form);
    const tenant = await this.publicApi.activeTenant(slug);
    this.guard.refuseEarly(form, REQUEST_FORM_LIMITS, client, tenant.id);
    await this.screen.assertClean({ information: form.information, purpose: form.purpose });
    await this.guard.admit(form, REQUEST_FORM_LIMITS, client, tenant.id, now);
    const received = wibDay(now);
    const calendar = await this.calendar.calendar(Number(received.slice(0, 4)));
    const sealed = {
      dueOn: calendar.addWorkingDays(received, ANSWER_WORKING_DAYS),
      requesterName: this.cipher.seal(form.name),
      requesterAddress: this.cipher.seal(form.address),
      requesterEmail: form.email ? this.cipher.seal(form.email) : null,
      requesterPhone: form.phone ? this.cipher.seal(form.phone) : null,
      contactLookups: [form.email, form.phone]
        .filter((contact): contact is string => Boolean(contact))
        .map((contact) => this.cipher.lookup(normaliseContact(contact))),
      information: form.information,
      purpose: form.purpose,
      delivery: form.delivery,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const state = await this.db.inTenant(tenant.id, (tx) =>
          this.requests.insert(tx, { ...sealed, code: trackingCode() }),
        );
        if (form.email) this.sendReceipt(form.email, tenant.name, state);
        return { ...withLabel(state), objection: null, objectionUntil: null };
      } catch (error) {
        if (attempt >= CODE_ATTEMPTS || !isCodeClash(error)) throw error;
      }
    }
  }

  /** A proof-of-work challenge for this OPD's request form (the ALTCHA widget fetches it). */
  async challenge(slug: string): Promise<Challenge> {
    await this.publicApi.activeTenant(slug);
    return this.challenges.issue(REQUEST_FORM_LIMITS.form.name);
  }

  /**
   * Mails the receipt when SMTP is set, without holding the answer: the code is in the response already, and a
   * slow or failing mail server must not fail or stall a registered request (a failure is logged).
   */
  private sendReceipt(email: string, opdName: string, state: RequestState): void {
    if (!this.mailer.configured) return;
    this.mailer
      .send(requestReceipt(email, opdName, state.code, state.dueOn))
      .catch((error: unknown) =>
        this.logger.warn({ err: error, code: state.code }, 'Request receipt not sent'),
      );
  }

  /** The request's state, for its tracking code together with the e-mail or phone it was made with. */
  status(slug: string, query: RequestStatusQueryDto, client: string): Promise<RequestReceipt> {
    return this.onRequest(slug, query, client);
  }

  /**
   * The state again, right after a step on the same lookup was refused by a rule (the page shows the status with
   * the refusal): the lookup was counted once already, so this read is not counted again.
   */
  statusAfterRefusal(slug: string, query: RequestStatusQueryDto): Promise<RequestReceipt> {
    return this.onRequest(slug, query, null);
  }

  /** The requester's answer to the PPID's request for clarification: the request goes back to the PPID. */
  async clarify(slug: string, reply: ClarificationReplyDto, client: string): Promise<RequestReceipt> {
    await this.screen.assertClean({ message: reply.message });
    return this.onRequest(slug, reply, client, async (tx, { id: requestId }) => {
      const state = await this.requests.clarified(tx, requestId);
      if (!state)
        throw new DomainError(
          'CLARIFICATION_NOT_ASKED',
          'PPID tidak sedang meminta penjelasan untuk permohonan ini',
        );
      await this.events.insert(tx, {
        requestId,
        kind: 'clarified',
        actorUserId: null,
        message: reply.message,
      });
      return state;
    });
  }

  /**
   * The request found by code and contact (the status lookup's limits apply to `client`; null: counted
   * already); after `work` on it in the same transaction, the state it left, with its steps and its objection.
   */
  async onRequest(
    slug: string,
    query: RequestStatusQueryDto,
    client: string | null,
    work?: (tx: TenantTransaction, request: FoundRequest) => Promise<FoundRequest>,
    now = new Date(),
  ): Promise<RequestReceipt> {
    const tenant = await this.publicApi.activeTenant(slug);
    if (client !== null) await this.limits.take(STATUS_LOOKUP, client, tenant.id);
    const lookup = this.cipher.lookup(normaliseContact(query.contact));
    const code = normaliseCode(query.code);
    const found = await this.db.inTenant(tenant.id, async (tx) => {
      const request = await this.requests.byCodeAndContact(tx, code, lookup);
      if (!request) return null;
      const state = work ? await work(tx, request) : request;
      return {
        state,
        steps: await this.attachments.withFiles(tx, slug, await this.events.of(tx, state.id)),
        objection: await this.objections.of(tx, state.id),
      };
    });
    // One answer for a wrong code and a wrong contact: the page tells nobody which codes exist.
    if (!found)
      throw new DomainError(
        'REQUEST_NOT_FOUND',
        'Permohonan tidak ditemukan: periksa nomor pendaftaran dan surel atau telepon yang diisi',
      );
    const { id: _id, ...state } = found.state;
    const today = wibDay(now);
    const window = found.objection
      ? null
      : objectionWindow(
          state,
          today,
          await this.calendar.calendar(Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4)) + 1),
        );
    return {
      ...withLabel(state, found.steps),
      objection: found.objection && objectionView(found.objection),
      objectionUntil: window && today <= window.until ? window.until : null,
    };
  }
}

/** The PPID must be able to answer: an e-mail or a phone, and an e-mail when the answer goes by e-mail. */
function assertReachable(form: SubmitRequestDto): void {
  const problem =
    !form.email && !form.phone
      ? fieldError('email', 'contactRequired', 'Isi surel atau nomor telepon agar PPID dapat menjawab')
      : form.delivery === 'email' && !form.email
        ? fieldError('email', 'emailForDelivery', 'Isi surel untuk menerima informasi lewat surel')
        : null;
  if (problem) throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [problem]);
}

function withLabel(
  state: RequestState,
  steps: Array<Omit<ShownStep, 'label'>> = [],
): Omit<RequestReceipt, 'objection' | 'objectionUntil'> {
  return {
    ...state,
    statusLabel: STATUS_LABELS[state.status],
    steps: steps.map((step) => ({ ...step, label: STEP_LABELS[step.kind] })),
  };
}

function isCodeClash(error: unknown): boolean {
  const cause = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint } = cause as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'information_requests_code_key';
}
