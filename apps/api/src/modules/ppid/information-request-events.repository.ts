import { type TenantTransaction } from '../../core/database/database.service';
import { type AttachmentView } from './answer-attachments';
import { REQUEST_STATUSES, type RequestStatus, STATUS_LABELS } from './information-request';

/** The PPID's steps, each leaving the request in the status of the same name. */
export type OfficerStep = Exclude<RequestStatus, 'received'>;
/** The objection's steps: the requester's filing and the atasan PPID's answer. */
export const OBJECTION_STEPS = ['objected', 'objection_upheld', 'objection_rejected'] as const;
export type ObjectionStep = (typeof OBJECTION_STEPS)[number];
/** …and the requester's answer to a request for clarification. */
export type EventKind = OfficerStep | 'clarified' | ObjectionStep;
export const EVENT_KINDS: readonly EventKind[] = [
  ...REQUEST_STATUSES.filter((status): status is OfficerStep => status !== 'received'),
  'clarified',
  ...OBJECTION_STEPS,
];

/** How each step reads on the status page and the PPID's desk. */
export const STEP_LABELS: Record<EventKind, string> = {
  ...(STATUS_LABELS as Record<OfficerStep, string>),
  clarified: 'Penjelasan dari pemohon',
  objected: 'Keberatan diajukan kepada atasan PPID',
  objection_upheld: 'Keberatan diterima atasan PPID',
  objection_rejected: 'Keberatan ditolak atasan PPID',
};

/** One step the PPID took, as the requester reads it (no personal data, no officer's name). */
export interface RequestEvent {
  kind: EventKind;
  at: Date;
  message: string;
  /** The entry of the OPD's *dikecualikan* list a refusal cites. */
  exemption: string | null;
  /** The new due day, on an extension. */
  dueOn: string | null;
  /** Files of the OPD's media library the answer carries (ids). */
  attachments: string[];
}

/** A step as it is shown: its files opened for the reader, its label in words. */
export type ShownStep = Omit<RequestEvent, 'attachments'> & { label: string; files: AttachmentView[] };

export interface NewEvent {
  requestId: string;
  kind: EventKind;
  /** None for the requester's own answer. */
  actorUserId: string | null;
  message: string;
  exemption?: { itemId: string; title: string } | null;
  dueOn?: string | null;
  attachments?: string[];
}

/** The steps taken on information requests (tenant-owned rows; written once, never changed). */
export class InformationRequestEventsRepository {
  async insert(tx: TenantTransaction, event: NewEvent): Promise<void> {
    await tx.manager.query(
      `INSERT INTO information_request_events
         (tenant_id, request_id, kind, actor_user_id, message, exemption_item_id, exemption_title, due_on,
          attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        tx.tenantId,
        event.requestId,
        event.kind,
        event.actorUserId,
        event.message,
        event.exemption?.itemId ?? null,
        event.exemption?.title ?? null,
        event.dueOn ?? null,
        event.attachments ?? [],
      ],
    );
  }

  /** A request's steps, oldest first. */
  of(tx: TenantTransaction, requestId: string): Promise<RequestEvent[]> {
    return tx.manager.query(
      `SELECT kind, at, message, exemption_title AS exemption, to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
              attachments
         FROM information_request_events WHERE tenant_id = $1 AND request_id = $2 ORDER BY at, id`,
      [tx.tenantId, requestId],
    );
  }
}
