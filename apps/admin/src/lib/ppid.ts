import type { Me } from './api';
import { tenantPage, type TenantPage } from './tenant-page';

const holds = (me: Me, slug: string, duty: 'ppid_officer' | 'ppid_superior'): boolean =>
  me.memberships.some((membership) => membership.slug === slug && membership.duties?.includes(duty));

/** Whether this person answers information requests for the OPD (the `ppid_officer` duty, given by its admin). */
export const isPpidOfficer = (me: Me, slug: string): boolean => holds(me, slug, 'ppid_officer');

/** Whether this person is the OPD's atasan PPID, who answers objections (the `ppid_superior` duty). */
export const isPpidSuperior = (me: Me, slug: string): boolean => holds(me, slug, 'ppid_superior');

/** Either PPID duty opens the desk: the officer works the requests, the superior the objections. */
export const hasPpidDesk = (me: Me, slug: string): boolean =>
  isPpidOfficer(me, slug) || isPpidSuperior(me, slug);

/** The OPD a PPID page works on, if this person holds a PPID duty there (else null: send them back). */
export function ppidDesk(me: Me, slug: string | undefined): TenantPage | null {
  const page = tenantPage(me, slug);
  return page && hasPpidDesk(me, page.slug) ? page : null;
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
  /** Files the answer carries, each address signed for an hour or two. */
  files: Array<{ fileName: string; url: string; bytes: number }>;
}

/** The OPD's library documents an answer may carry: the newest first. */
export interface LibraryDocument {
  id: string;
  fileName: string;
  caption: string | null;
  sizeBytes: number;
}

/** The requester's objection to the PPID's answer (keberatan), as the API gives it. */
export interface Objection {
  id: string;
  reasons: string[];
  reasonLabels: string[];
  statement: string;
  receivedAt: string;
  dueOn: string;
  outcome: 'upheld' | 'rejected' | null;
  outcomeLabel: string | null;
  decidedAt: string | null;
  decision: string | null;
  disputeUntil: string | null;
}

/** An objection in the atasan PPID's queue, with its clock. */
export interface ObjectionEntry extends Objection {
  requestId: string;
  code: string;
  information: string;
  workingDaysLeft: number | null;
  overdue: boolean;
}

/** One request opened with the requester's data (the API records every opening). */
export interface RequestDetail extends QueueEntry {
  /** The purpose and the requester: null once erased after the retention period. */
  purpose: string | null;
  requester: { name: string; address: string; email: string | null; phone: string | null } | null;
  personalDataErasedAt: string | null;
  extended: boolean;
  steps: RequestStep[];
  exemptions: Array<{ id: string; title: string }>;
  objection: Objection | null;
}

/** Still waiting for the PPID's answer: its steps may be taken. */
export const OPEN = ['received', 'clarification', 'extended'];

export const DELIVERY_LABELS: Record<string, string> = {
  email: 'Salinan elektronik lewat surel',
  pickup: 'Diambil di kantor OPD',
  post: 'Dikirim lewat pos',
};

/** The clock as the officer (or the superior) reads it: days left, due today, or late. */
export function clockText(
  entry: { overdue: boolean; workingDaysLeft: number | null },
  t: (text: string, values?: Record<string, unknown>) => string,
): string {
  if (entry.overdue) return t('Terlambat');
  if (entry.workingDaysLeft === null) return t('Selesai');
  if (entry.workingDaysLeft === 0) return t('Batas hari ini');
  return t('{days} hari kerja lagi', { days: entry.workingDaysLeft });
}

/** How many entries a desk list shows per page. */
export const DESK_PAGE_SIZE = 20;

/**
 * A desk list's view as its address says (`tampil`: open, answered or all; `halaman`), and the API query for it:
 * the requests and the objections lists read the same way.
 */
export function deskList(params: URLSearchParams): {
  show: string;
  pageNumber: number;
  query: URLSearchParams;
} {
  const asked = params.get('tampil') ?? '';
  const show = ['terbuka', 'selesai', 'semua'].includes(asked) ? asked : 'terbuka';
  const pageNumber = Math.max(1, Number(params.get('halaman')) || 1);
  const query = new URLSearchParams({
    limit: String(DESK_PAGE_SIZE),
    offset: String((pageNumber - 1) * DESK_PAGE_SIZE),
  });
  if (show !== 'semua') query.set('open', String(show === 'terbuka'));
  return { show, pageNumber, query };
}

/** A desk list page's data: the OPD, the view, and the entries of `list` (`requests` or `objections`). */
export interface DeskListPage<T> extends TenantPage {
  show: string;
  pageNumber: number;
  entries: { items: T[]; total: number };
}

/** The desk list at `url` for this person, or null when they hold no PPID duty at the OPD (send them back). */
export async function deskListPage<T>(
  locals: App.Locals,
  slug: string | undefined,
  url: URL,
  list: 'requests' | 'objections',
): Promise<DeskListPage<T> | null> {
  const page = ppidDesk(locals.me!, slug);
  if (!page) return null;
  const { show, pageNumber, query } = deskList(url.searchParams);
  const entries = await locals.api.get<{ items: T[]; total: number }>(
    `/api/v1/tenants/${page.slug}/ppid/${list}?${query}`,
  );
  return { ...page, show, pageNumber, entries };
}

/** The desk lists' tabs. */
export const deskTabs = (t: (text: string) => string): Array<[string, string]> => [
  ['terbuka', t('Belum dijawab')],
  ['selesai', t('Sudah dijawab')],
  ['semua', t('Semua')],
];
