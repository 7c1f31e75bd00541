import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { AnswerAttachments } from './answer-attachments';
import { PersonalDataCipher } from '../../core/crypto/personal-data-cipher';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { wibDay } from '../../core/time/wib';
import { AuditLog } from '../audit/audit-log.service';
import { CalendarService } from '../calendar/calendar.service';
import { type WorkingCalendar } from '../calendar/working-calendar';
import { PublishedContentRepository } from '../content/published-content.repository';
import { STATUS_LABELS } from './information-request';
import { InformationObjectionsRepository } from './information-objections.repository';
import { objectionView, type ObjectionView } from './objection';
import {
  InformationRequestEventsRepository,
  type ShownStep,
  STEP_LABELS,
} from './information-request-events.repository';
import {
  InformationRequestsRepository,
  OPEN_STATUSES,
  type QueuedRequest,
} from './information-requests.repository';

/** A queued request with its clock as the PPID reads it. */
export interface QueueEntry extends QueuedRequest {
  statusLabel: string;
  /** Working days left until the answer is due (0 on the day itself), or null once answered or overdue. */
  workingDaysLeft: number | null;
  overdue: boolean;
}

export interface RequestDetail extends QueueEntry {
  /** The purpose and the requester: null once erased after the retention period. */
  purpose: string | null;
  requester: { name: string; address: string; email: string | null; phone: string | null } | null;
  personalDataErasedAt: Date | null;
  /** Whether the one extension the law allows was used. */
  extended: boolean;
  steps: ShownStep[];
  /** The OPD's published *dikecualikan* entries a refusal may cite. */
  exemptions: Array<{ id: string; title: string }>;
  /** The requester's objection, once filed (the atasan PPID answers it). */
  objection: (ObjectionView & { id: string }) | null;
}

/**
 * The OPD's PPID at work: the queue of information requests with each one's legal clock, and a request opened
 * with the requester's personal data — each opening recorded in the audit log (who saw whose data, when).
 */
@Injectable()
export class PpidQueueService {
  private readonly requests = new InformationRequestsRepository();
  private readonly events = new InformationRequestEventsRepository();
  private readonly published = new PublishedContentRepository();
  private readonly objections = new InformationObjectionsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(AnswerAttachments) private readonly attachments: AnswerAttachments,
  ) {}

  async queue(
    tenant: TenantContext,
    page: { open?: boolean; limit: number; offset: number },
    now = new Date(),
  ): Promise<{ items: QueueEntry[]; total: number }> {
    const { items, total } = await this.db.inTenant(tenant.tenantId, (tx) => this.requests.queue(tx, page));
    const { today, calendar } = await this.clock(now);
    return { items: items.map((item) => clocked(item, today, calendar)), total };
  }

  async open(tenant: TenantContext, id: string, now = new Date()): Promise<RequestDetail> {
    const row = await this.db.inTenant(tenant.tenantId, async (tx) => {
      const found = await this.requests.byId(tx, id);
      if (!found) return null;
      const steps = await this.attachments.withFiles(tx, tenant.slug, await this.events.of(tx, id));
      const exemptions = (await this.published.exemptDocuments(tx)).map(({ itemId, title }) => ({
        id: itemId,
        title,
      }));
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: 'ppid.personal_data_viewed',
        targetType: 'information_request',
        targetId: id,
        data: { code: found.code },
      });
      const objection = await this.objections.of(tx, id);
      return { ...found, steps, exemptions, objection };
    });
    if (!row) throw new DomainError('REQUEST_NOT_FOUND', 'Permohonan tidak ditemukan');
    const { today, calendar } = await this.clock(now);
    const {
      requesterName,
      requesterAddress,
      requesterEmail,
      requesterPhone,
      purpose,
      extended,
      steps,
      exemptions,
      objection,
      personalDataErasedAt,
      ...queued
    } = row;
    return {
      ...clocked(queued, today, calendar),
      purpose,
      extended,
      steps: steps.map((step) => ({ ...step, label: STEP_LABELS[step.kind] })),
      exemptions,
      objection: objection && { id: objection.id, ...objectionView(objection) },
      personalDataErasedAt,
      requester:
        requesterName && requesterAddress
          ? {
              name: this.cipher.open(requesterName),
              address: this.cipher.open(requesterAddress),
              email: requesterEmail ? this.cipher.open(requesterEmail) : null,
              phone: requesterPhone ? this.cipher.open(requesterPhone) : null,
            }
          : null,
    };
  }

  /** Today (WIB) and the working calendar around it: a request's due day may fall in the next year. */
  private async clock(now: Date): Promise<{ today: string; calendar: WorkingCalendar }> {
    const today = wibDay(now);
    const year = Number(today.slice(0, 4));
    return { today, calendar: await this.calendar.calendar(year - 1, year + 1) };
  }
}

function clocked(item: QueuedRequest, today: string, calendar: WorkingCalendar): QueueEntry {
  const open = (OPEN_STATUSES as readonly string[]).includes(item.status);
  const overdue = open && today > item.dueOn;
  return {
    ...item,
    statusLabel: STATUS_LABELS[item.status],
    workingDaysLeft: open && !overdue ? calendar.workingDaysBetween(today, item.dueOn) : null,
    overdue,
  };
}
