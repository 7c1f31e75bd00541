import { type PpidRegisterEntry, type PpidServiceReport } from '@laman/shared';
import { type WorkingCalendar } from '../calendar/working-calendar';
import { type Delivery, type RequestStatus } from './information-request';
import { type ObjectionOutcome, type ObjectionReason } from './objection';

/** One row of the request register (the law's *buku register*) as read: no personal data. */
export interface RegisterRow extends Omit<
  PpidRegisterEntry,
  'delivery' | 'status' | 'statusLabel' | 'objectionOutcomeLabel'
> {
  delivery: Delivery;
  status: RequestStatus;
  objectionReasons: ObjectionReason[] | null;
  objectionOutcome: ObjectionOutcome | null;
}

/** The yearly public-information service report's figures, from the register. */
export type ServiceReport = PpidServiceReport;

const ANSWERS: readonly RequestStatus[] = ['granted', 'partly_granted', 'refused', 'not_held'];
const OPEN: readonly RequestStatus[] = ['received', 'clarification', 'extended'];

/** The report's figures for `year` from its register rows (received that year), as of `today`. */
export function serviceReport(
  year: number,
  rows: RegisterRow[],
  today: string,
  calendar: WorkingCalendar,
): ServiceReport {
  const count = (status: RequestStatus) => rows.filter((row) => row.status === status).length;
  const answered = rows.filter((row) => ANSWERS.includes(row.status) && row.answeredOn);
  const times = answered.map((row) => calendar.workingDaysBetween(row.receivedOn, row.answeredOn!));
  const exemptions = new Map<string, number>();
  for (const row of rows)
    if (row.exemption) exemptions.set(row.exemption, (exemptions.get(row.exemption) ?? 0) + 1);
  const objected = rows.filter((row) => row.objectedOn);
  return {
    year,
    asOf: today,
    received: rows.length,
    granted: count('granted'),
    partlyGranted: count('partly_granted'),
    refused: count('refused'),
    notHeld: count('not_held'),
    forwarded: count('forwarded'),
    open: rows.filter((row) => OPEN.includes(row.status)).length,
    refusedBy: [...exemptions]
      .map(([exemption, times]) => ({ exemption, count: times }))
      .sort((a, b) => b.count - a.count || a.exemption.localeCompare(b.exemption, 'id')),
    late: rows.filter((row) =>
      row.answeredOn ? row.answeredOn > row.dueOn : OPEN.includes(row.status) && today > row.dueOn,
    ).length,
    averageWorkingDays: times.length
      ? Math.round((times.reduce((sum, days) => sum + days, 0) / times.length) * 10) / 10
      : null,
    longestWorkingDays: times.length ? Math.max(...times) : null,
    objections: {
      filed: objected.length,
      upheld: objected.filter((row) => row.objectionOutcome === 'upheld').length,
      rejected: objected.filter((row) => row.objectionOutcome === 'rejected').length,
      open: objected.filter((row) => row.objectionOutcome === null).length,
    },
  };
}
