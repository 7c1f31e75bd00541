import { type WorkingCalendar } from '../calendar/working-calendar';
import { type RequestStatus } from './information-request';

/** UU 14/2008 art. 35(1): what a requester may object to, letters a–g of the law (the form lists them all). */
export const OBJECTION_REASONS = [
  'refusal',
  'periodic_not_published',
  'no_answer',
  'not_as_asked',
  'not_fulfilled',
  'unreasonable_cost',
  'late',
] as const;
export type ObjectionReason = (typeof OBJECTION_REASONS)[number];

export const OBJECTION_REASON_LABELS: Record<ObjectionReason, string> = {
  refusal: 'Permohonan ditolak dengan alasan pengecualian',
  periodic_not_published: 'Informasi berkala tidak disediakan',
  no_answer: 'Permohonan tidak ditanggapi',
  not_as_asked: 'Permohonan ditanggapi tidak sebagaimana yang diminta',
  not_fulfilled: 'Permohonan tidak dipenuhi',
  unreasonable_cost: 'Biaya yang dikenakan tidak wajar',
  late: 'Informasi disampaikan melebihi waktu',
};

export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  upheld: 'Keberatan diterima',
  rejected: 'Keberatan ditolak',
};

/** Art. 36(1) and PerKI 1/2021: the objection within 30 working days after its reason arose. */
export const OBJECTION_WORKING_DAYS = 30;
/** Art. 36(1): the atasan PPID answers in writing within 30 working days of the objection. */
export const OBJECTION_ANSWER_WORKING_DAYS = 30;
/** Art. 37(2): a dispute goes to the Komisi Informasi within 14 working days of the superior's answer. */
export const DISPUTE_WORKING_DAYS = 14;

const DECIDED: readonly RequestStatus[] = ['granted', 'partly_granted', 'refused', 'not_held'];

/** A request as the objection window reads it. */
export interface RequestClock {
  status: RequestStatus;
  dueOn: string;
  /** The day (WIB) the PPID answered, or null while it has not. */
  answeredOn: string | null;
}

/**
 * The days on which the requester may object, or null when there is nothing to object to yet (the PPID is
 * still within its time) or here at all (a forwarded request is objected to at the OPD it went to). The reason
 * arises with the PPID's answer, or — for no answer — when the answer's due day has passed.
 */
export function objectionWindow(
  request: RequestClock,
  today: string,
  calendar: WorkingCalendar,
): { until: string } | null {
  if (request.status === 'forwarded') return null;
  if (DECIDED.includes(request.status) && request.answeredOn)
    return { until: calendar.addWorkingDays(request.answeredOn, OBJECTION_WORKING_DAYS) };
  if (today > request.dueOn) return { until: calendar.addWorkingDays(request.dueOn, OBJECTION_WORKING_DAYS) };
  return null;
}

/** An objection as stored and read (no personal data). */
export interface Objection {
  id: string;
  reasons: ObjectionReason[];
  statement: string;
  receivedAt: Date;
  dueOn: string;
  outcome: ObjectionOutcome | null;
  decidedAt: Date | null;
  decision: string | null;
  disputeUntil: string | null;
}

/** …as the requester and the PPID read it: the reasons and the outcome in words. */
export interface ObjectionView extends Omit<Objection, 'id'> {
  reasonLabels: string[];
  outcomeLabel: string | null;
}

export function objectionView({ id: _id, ...objection }: Objection): ObjectionView {
  return {
    ...objection,
    reasonLabels: objection.reasons.map((reason) => OBJECTION_REASON_LABELS[reason]),
    outcomeLabel: objection.outcome ? OBJECTION_OUTCOME_LABELS[objection.outcome] : null,
  };
}
