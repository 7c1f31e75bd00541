import { Inject, Injectable, Logger } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { PersonalDataCipher } from '../../core/crypto/personal-data-cipher';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { type Mail, Mailer } from '../../core/mail/mailer';
import { wibDay } from '../../core/time/wib';
import { AuditLog } from '../audit/audit-log.service';
import { CalendarService } from '../calendar/calendar.service';
import { type WorkingCalendar } from '../calendar/working-calendar';
import { PublicTextScreen } from '../moderation/public-text-screen';
import { PublicService } from '../public/public.service';
import { TenantsRepository } from '../tenants/tenants.repository';
import { InformationObjectionsRepository, type QueuedObjection } from './information-objections.repository';
import { InformationRequestEventsRepository } from './information-request-events.repository';
import { InformationRequestsRepository } from './information-requests.repository';
import {
  type FoundRequest,
  InformationRequestsService,
  type RequestReceipt,
} from './information-requests.service';
import {
  DISPUTE_WORKING_DAYS,
  OBJECTION_ANSWER_WORKING_DAYS,
  type ObjectionOutcome,
  type ObjectionReason,
  objectionView,
  type ObjectionView,
  objectionWindow,
} from './objection';
import { objectionAnswer, objectionReceipt } from './objection-notice';

/** An objection in the atasan PPID's queue, with its clock. */
export interface ObjectionEntry extends ObjectionView {
  id: string;
  requestId: string;
  code: string;
  information: string;
  /** Working days left until the answer is due (0 on the day itself), or null once answered or overdue. */
  workingDaysLeft: number | null;
  overdue: boolean;
}

/**
 * Objections (keberatan, UU 14/2008 art. 35–37): the requester objects to the PPID's answer — or to no answer
 * once it is overdue — within 30 working days, once per request, from the status page; the OPD's atasan PPID
 * answers within 30 working days (upheld or rejected, with reasons), which opens 14 working days to take the
 * dispute to the Komisi Informasi. Each step is also a step of the request (the status page reads them in
 * order) and is told to the requester by e-mail.
 */
@Injectable()
export class ObjectionsService {
  private readonly objections = new InformationObjectionsRepository();
  private readonly events = new InformationRequestEventsRepository();
  private readonly requests = new InformationRequestsRepository();
  private readonly tenants = new TenantsRepository();
  private readonly logger = new Logger('Objections');

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(InformationRequestsService) private readonly lookups: InformationRequestsService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(PublicService) private readonly publicApi: PublicService,
    @Inject(PublicTextScreen) private readonly screen: PublicTextScreen,
  ) {}

  async file(
    slug: string,
    form: { code: string; contact: string; reasons: ObjectionReason[]; statement: string },
    client: string,
    now = new Date(),
  ): Promise<RequestReceipt> {
    await this.screen.assertClean({ statement: form.statement });
    const { today, calendar } = await this.clock(now);
    const dueOn = calendar.addWorkingDays(today, OBJECTION_ANSWER_WORKING_DAYS);
    const receipt = await this.lookups.onRequest(
      slug,
      form,
      client,
      async (tx, request) => {
        assertObjectable(request, today, calendar);
        const filed = await this.objections.insert(tx, { requestId: request.id, ...form, dueOn });
        if (!filed)
          throw new DomainError('OBJECTION_EXISTS', 'Keberatan untuk permohonan ini sudah diajukan');
        await this.events.insert(tx, {
          requestId: request.id,
          kind: 'objected',
          actorUserId: null,
          message: form.statement,
          dueOn,
        });
        return request;
      },
      now,
    );
    // The contact that opened the request is the requester's own; an e-mail gets the receipt.
    if (form.contact.includes('@')) {
      const opd = await this.publicApi.activeTenant(slug);
      this.send(objectionReceipt(form.contact.trim(), opd.name, receipt.code, dueOn), receipt.code);
    }
    return receipt;
  }

  async decide(
    tenant: TenantContext,
    id: string,
    answer: { outcome: ObjectionOutcome; message: string },
    now = new Date(),
  ): Promise<ObjectionView> {
    const { today, calendar } = await this.clock(now);
    const disputeUntil = calendar.addWorkingDays(today, DISPUTE_WORKING_DAYS);
    const { view, mail } = await this.db.inTenant(
      tenant.tenantId,
      async (tx) => {
        const objection = await this.objections.forDecision(tx, id);
        if (!objection) throw new DomainError('OBJECTION_NOT_FOUND', 'Keberatan tidak ditemukan');
        const decision = { ...answer, decision: answer.message, disputeUntil, by: tenant.actor.userId };
        const decided = objection.outcome ? null : await this.objections.decide(tx, id, decision);
        if (!decided) throw new DomainError('OBJECTION_DECIDED', 'Keberatan ini sudah dijawab');
        await this.events.insert(tx, {
          requestId: objection.requestId,
          kind: answer.outcome === 'upheld' ? 'objection_upheld' : 'objection_rejected',
          actorUserId: tenant.actor.userId,
          message: answer.message,
        });
        await this.audit.record(tx, {
          actorUserId: tenant.actor.userId,
          action: 'ppid.objection_decided',
          targetType: 'information_request',
          targetId: objection.requestId,
          data: { code: objection.code, outcome: answer.outcome },
        });
        const request = await this.requests.byId(tx, objection.requestId);
        const opd = await this.tenants.findById(tx.manager, tx.tenantId);
        const mail = request?.requesterEmail
          ? objectionAnswer({
              to: this.cipher.open(request.requesterEmail),
              opdName: opd?.name ?? tenant.slug,
              code: objection.code,
              outcome: answer.outcome,
              message: answer.message,
              disputeUntil,
            })
          : null;
        return { view: objectionView(decided), mail };
      },
      tenant.actor.userId,
    );
    if (mail) this.send(mail, mail.subject);
    return view;
  }

  /** The atasan PPID's queue: open objections first, the answer due soonest first. */
  async queue(
    tenant: TenantContext,
    page: { open?: boolean; limit: number; offset: number },
    now = new Date(),
  ): Promise<{ items: ObjectionEntry[]; total: number }> {
    const { items, total } = await this.db.inTenant(tenant.tenantId, (tx) => this.objections.queue(tx, page));
    const { today, calendar } = await this.clock(now);
    return { items: items.map((item) => clocked(item, today, calendar)), total };
  }

  /** Today (WIB) and the working calendar around it: a window or a due day may reach into the next year. */
  private async clock(now: Date): Promise<{ today: string; calendar: WorkingCalendar }> {
    const today = wibDay(now);
    const year = Number(today.slice(0, 4));
    return { today, calendar: await this.calendar.calendar(year - 1, year + 1) };
  }

  /** Mails without holding the answer; a failure is logged, the step stands. */
  private send(mail: Mail, about: string): void {
    if (!this.mailer.configured) return;
    this.mailer
      .send(mail)
      .catch((error: unknown) => this.logger.warn({ err: error, about }, 'Objection e-mail not sent'));
  }
}

/** Whether the requester may object today, else why not in words they can act on. */
function assertObjectable(request: FoundRequest, today: string, calendar: WorkingCalendar): void {
  const window = objectionWindow(request, today, calendar);
  if (window && today <= window.until) return;
  throw new DomainError(
    'OBJECTION_NOT_ALLOWED',
    request.status === 'forwarded'
      ? 'Permohonan ini diteruskan ke OPD lain: ajukan keberatan di sana dengan nomor pendaftaran barunya'
      : window
        ? 'Batas pengajuan keberatan (30 hari kerja) sudah lewat'
        : 'Keberatan dapat diajukan setelah PPID menjawab, atau bila batas jawaban sudah lewat',
  );
}

function clocked(
  { id, requestId, code, information, ...objection }: QueuedObjection,
  today: string,
  calendar: WorkingCalendar,
): ObjectionEntry {
  const open = objection.outcome === null;
  const overdue = open && today > objection.dueOn;
  return {
    id,
    requestId,
    code,
    information,
    ...objectionView({ id, ...objection }),
    workingDaysLeft: open && !overdue ? calendar.workingDaysBetween(today, objection.dueOn) : null,
    overdue,
  };
}
