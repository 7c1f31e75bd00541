import type { Me } from './api';
import { tenantPage, type TenantPage } from './tenant-page';

/** Whether this person answers information requests for the OPD (the `ppid_officer` duty, given by its admin). */
export const isPpidOfficer = (me: Me, slug: string): boolean =>
  me.memberships.some(
    (membership) => membership.slug === slug && membership.duties?.includes('ppid_officer'),
  );

/** The OPD a PPID page works on, if this person holds the officer duty there (else null: send them back). */
export function ppidDesk(me: Me, slug: string | undefined): TenantPage | null {
  const page = tenantPage(me, slug);
  return page && isPpidOfficer(me, page.slug) ? page : null;
}

/** A request in the PPID's queue, as the API gives it (no personal data). */
export interface QueueEntry {
  id: string;
  code: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  dueOn: string;
  workingDaysLeft: number | null;
  overdue: boolean;
  information: string;
  delivery: 'email' | 'pickup' | 'post';
}

export interface RequestStep {
  kind: string;
  label: string;
  at: string;
  message: string;
  exemption: string | null;
  dueOn: string | null;
}

/** One request opened with the requester's data (the API records every opening). */
export interface RequestDetail extends QueueEntry {
  purpose: string;
  requester: { name: string; address: string; email: string | null; phone: string | null };
  extended: boolean;
  steps: RequestStep[];
  exemptions: Array<{ id: string; title: string }>;
}

/** Still waiting for the PPID's answer: its steps may be taken. */
export const OPEN = ['received', 'clarification', 'extended'];

export const DELIVERY_LABELS: Record<string, string> = {
  email: 'Salinan elektronik lewat surel',
  pickup: 'Diambil di kantor OPD',
  post: 'Dikirim lewat pos',
};

/** The clock as the officer reads it: days left, due today, or late. */
export function clockText(
  entry: QueueEntry,
  t: (text: string, values?: Record<string, unknown>) => string,
): string {
  if (entry.overdue) return t('Terlambat');
  if (entry.workingDaysLeft === null) return t('Selesai');
  if (entry.workingDaysLeft === 0) return t('Batas hari ini');
  return t('{days} hari kerja lagi', { days: entry.workingDaysLeft });
}
