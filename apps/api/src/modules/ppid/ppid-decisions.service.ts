import { Inject, Injectable, Logger } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { Mailer } from '../../core/mail/mailer';
import { wibDay } from '../../core/time/wib';
import { AnswerAttachments } from './answer-attachments';
import { PersonalDataCipher } from '../../core/crypto/personal-data-cipher';
import { AuditLog } from '../audit/audit-log.service';
import { CalendarService } from '../calendar/calendar.service';
import { PublishedContentRepository } from '../content/published-content.repository';
import { TenantsRepository } from '../tenants/tenants.repository';
import { PublicService } from '../public/public.service';
import { ANSWER_WORKING_DAYS, trackingCode } from './information-request';
import {
  InformationRequestEventsRepository,
  type OfficerStep,
} from './information-request-events.repository';
import {
  InformationRequestsRepository,
  OPEN_STATUSES,
  type RequestForDecision,
} from './information-requests.repository';
import { requestNotice } from './request-notice';

/** How each step reads in the OPD's audit log (a forward writes its own two entries). */
const AUDITED = {
  clarification: 'ppid.clarification_asked',
  extended: 'ppid.extended',
  granted: 'ppid.decided',
  partly_granted: 'ppid.decided',
  refused: 'ppid.decided',
  not_held: 'ppid.decided',
  forwarded: 'ppid.forwarded_out',
} as const satisfies Record<OfficerStep, string>;

/** UU 14/2008 art. 22(8): the PPID may extend once, by at most 7 working days, with written reasons. */
export const EXTENSION_WORKING_DAYS = 7;

export type Outcome = 'granted' | 'partly_granted' | 'refused' | 'not_held';

/** What one step did, for the officer's answer. */
export interface StepResult {
  status: string;
  dueOn: string;
  forwardedToCode?: string;
}

type Notice = Parameters<typeof requestNotice>[0];
/** A step's result, and what to tell the requester once it has committed (no e-mail given: nothing). */
type Step = StepResult & { notice: Notice | null };

/**
 * The PPID's steps on a request, each on the request's legal clock and each told to the requester: ask for
 * clarification, extend once (before the answer is due, by 7 working days, with a reason), decide (grant, grant
 * in part or refuse citing an entry of the OPD's published *dikecualikan* list, or say the information is not
 * held), or forward to the OPD that holds it. A forward is the only way a request crosses to another OPD: the
 * new request and both audits are written in the same transaction as the old one's closing.
 */
@Injectable()
export class PpidDecisionsService {
  private readonly requests = new InformationRequestsRepository();
  private readonly events = new InformationRequestEventsRepository();
  private readonly published = new PublishedContentRepository();
  private readonly tenants = new TenantsRepository();
  private readonly logger = new Logger('PpidDecisions');

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(PublicService) private readonly publicApi: PublicService,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(AnswerAttachments) private readonly attachments: AnswerAttachments,
  ) {}

  clarify(tenant: TenantContext, id: string, message: string): Promise<StepResult> {
    return this.step(tenant, id, async (tx, request) => {
      const notice = await this.record(tx, tenant, request, 'clarification', message);
      await this.requests.change(tx, request.id, { status: 'clarification' });
      return { status: 'clarification', dueOn: request.dueOn, notice };
    });
  }

  extend(tenant: TenantContext, id: string, reason: string, now = new Date()): Promise<StepResult> {
    return this.step(tenant, id, async (tx, request) => {
      const today = wibDay(now);
      if (request.extended || today > request.dueOn)
        throw new DomainError(
          'EXTENSION_NOT_ALLOWED',
          request.extended
            ? 'Waktu jawaban permohonan ini sudah pernah diperpanjang; undang-undang membolehkannya sekali saja'
            : 'Perpanjangan harus diberikan sebelum batas jawaban lewat',
        );
      const calendar = await this.calendar.calendar(Number(request.dueOn.slice(0, 4)));
      const dueOn = calendar.addWorkingDays(request.dueOn, EXTENSION_WORKING_DAYS);
      const notice = await this.record(tx, tenant, request, 'extended', reason, { dueOn });
      await this.requests.change(tx, request.id, { status: 'extended', dueOn, extended: true });
      return { status: 'extended', dueOn, notice };
    });
  }

  decide(
    tenant: TenantContext,
    id: string,
    decision: { outcome: Outcome; message: string; exemptionItemId?: string; attachments?: string[] },
  ): Promise<StepResult> {
    return this.step(tenant, id, async (tx, request) => {
      const exemption = await this.exemptionFor(tx, decision.outcome, decision.exemptionItemId);
      const attachments = await this.attachments.check(tx, decision.outcome, decision.attachments);
      const notice = await this.record(tx, tenant, request, decision.outcome, decision.message, {
        exemption,
        attachments,
      });
      await this.requests.change(tx, request.id, { status: decision.outcome, answered: true });
      return { status: decision.outcome, dueOn: request.dueOn, notice };
    });
  }

  /** Forwards the request to the active OPD `targetSlug`, where it starts again with its own code and clock. */
  async forward(
    tenant: TenantContext,
    id: string,
    forward: { tenant: string; message: string },
    now = new Date(),
  ): Promise<StepResult> {
    const target = await this.publicApi.activeTenant(forward.tenant).catch(() => null);
    if (!target || target.id === tenant.tenantId)
      throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        fieldError('tenant', 'forwardTarget', 'Pilih OPD aktif lain yang menguasai informasi ini'),
      ]);
    const received = wibDay(now);
    const calendar = await this.calendar.calendar(Number(received.slice(0, 4)));
    const dueOn = calendar.addWorkingDays(received, ANSWER_WORKING_DAYS);
    const code = trackingCode();
    return this.step(tenant, id, async (tx, request) => {
      const message = `${forward.message}\n\nPermohonan ini diteruskan ke ${target.name} dengan nomor pendaftaran ${code}.`;
      const notice = await this.record(tx, tenant, request, 'forwarded', message);
      await this.requests.change(tx, request.id, {
        status: 'forwarded',
        answered: true,
        forwardedToCode: code,
      });
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: 'ppid.forwarded_out',
        targetType: 'information_request',
        targetId: request.id,
        data: { code: request.code, to: target.slug, newCode: code },
      });
      const there = await this.db.enterTenant(tx.manager, target.id);
      const { id: _id, status: _status, extended: _extended, forwardedFromCode: _from, ...copied } = request;
      await this.requests.insert(there, { ...copied, code, dueOn }, request.code);
      await this.audit.record(there, {
        actorUserId: tenant.actor.userId,
        action: 'ppid.forwarded_in',
        targetType: 'information_request',
        data: { code, from: tenant.slug, fromCode: request.code },
      });
      return { status: 'forwarded', dueOn, forwardedToCode: code, notice };
    });
  }

  /** One step on an open request, locked against a second officer's step at the same time. */
  private async step(
    tenant: TenantContext,
    id: string,
    work: (tx: TenantTransaction, request: RequestForDecision) => Promise<Step>,
  ): Promise<StepResult> {
    const { notice, ...result } = await this.db.inTenant(
      tenant.tenantId,
      async (tx) => {
        const request = await this.requests.forDecision(tx, id);
        if (!request) throw new DomainError('REQUEST_NOT_FOUND', 'Permohonan tidak ditemukan');
        if (!(OPEN_STATUSES as readonly string[]).includes(request.status))
          throw new DomainError('REQUEST_CLOSED', 'Permohonan ini sudah dijawab atau diteruskan');
        return work(tx, request);
      },
      tenant.actor.userId,
    );
    if (notice) this.send(notice);
    return result;
  }

  private async record(
    tx: TenantTransaction,
    tenant: TenantContext,
    request: RequestForDecision,
    kind: OfficerStep,
    message: string,
    extra: {
      dueOn?: string;
      exemption?: { itemId: string; title: string } | null;
      attachments?: string[];
    } = {},
  ): Promise<Notice | null> {
    await this.events.insert(tx, {
      requestId: request.id,
      kind,
      actorUserId: tenant.actor.userId,
      message,
      exemption: extra.exemption ?? null,
      dueOn: extra.dueOn ?? null,
      attachments: extra.attachments ?? [],
    });
    if (kind !== 'forwarded')
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: AUDITED[kind],
        targetType: 'information_request',
        targetId: request.id,
        data: {
          code: request.code,
          ...(AUDITED[kind] === 'ppid.decided' ? { outcome: kind } : {}),
          ...(extra.attachments?.length ? { attachments: extra.attachments } : {}),
        },
      });
    if (!request.requesterEmail) return null;
    const opd = await this.tenants.findById(tx.manager, tx.tenantId);
    return {
      to: this.cipher.open(request.requesterEmail),
      opdName: opd?.name ?? tenant.slug,
      code: request.code,
      kind,
      message,
      exemption: extra.exemption?.title ?? null,
      dueOn: extra.dueOn ?? null,
      files: extra.attachments?.length ?? 0,
    };
  }

  /** A refusal, whole or in part, cites a published entry of this OPD's list of exempt information. */
  private async exemptionFor(
    tx: TenantTransaction,
    outcome: Outcome,
    itemId: string | undefined,
  ): Promise<{ itemId: string; title: string } | null> {
    if (outcome !== 'refused' && outcome !== 'partly_granted') return null;
    const [entry] = itemId ? await this.published.exemptDocuments(tx, itemId) : [];
    if (!entry)
      throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        fieldError(
          'exemptionItemId',
          'exemptionListed',
          'Pilih dasar pengecualian dari daftar informasi dikecualikan yang sudah terbit di situs OPD ini',
        ),
      ]);
    return entry;
  }

  /** Mails the requester without holding the answer; a failure is logged, the step stands. */
  private send(notice: Notice): void {
    if (!this.mailer.configured) return;
    this.mailer
      .send(requestNotice(notice))
      .catch((error: unknown) =>
        this.logger.warn({ err: error, code: notice.code }, 'Request notice not sent'),
      );
  }
}
