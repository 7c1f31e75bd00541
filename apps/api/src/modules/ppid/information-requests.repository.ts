import { type TenantTransaction } from '../../core/database/database.service';
import { type Delivery, type RequestStatus } from './information-request';

/** A request as stored: the personal fields sealed, the contact only as keyed hashes. */
export interface StoredRequest {
  code: string;
  dueOn: string;
  requesterName: string;
  requesterAddress: string;
  requesterEmail: string | null;
  requesterPhone: string | null;
  contactLookups: string[];
  information: string;
  purpose: string;
  delivery: Delivery;
}

export interface RequestState {
  code: string;
  status: RequestStatus;
  receivedAt: Date;
  dueOn: string;
  /** The day (WIB) the PPID answered or forwarded it, or null while it has not. */
  answeredOn: string | null;
}

const STATE = `code, status, received_at AS "receivedAt", to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
  to_char(answered_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS "answeredOn"`;

/** A request in the PPID's queue: no personal data. */
export interface QueuedRequest extends RequestState {
  id: string;
  information: string;
  delivery: Delivery;
}

/** A request with the sealed fields, as only the PPID reads it (null once erased after the retention period). */
export interface SealedRequest extends QueuedRequest {
  purpose: string | null;
  extended: boolean;
  requesterName: string | null;
  requesterAddress: string | null;
  requesterEmail: string | null;
  requesterPhone: string | null;
  personalDataErasedAt: Date | null;
}

/** What stands in for the requester's own words once their personal data is erased. */
export const ERASED_WORDS = '(Dihapus: masa simpan data pribadi pemohon telah berakhir.)';

/** Still waiting for the PPID's answer. */
export const OPEN_STATUSES = ['received', 'clarification', 'extended'] as const;

const QUEUED = `id, ${STATE}, information, delivery`;

/** What a decision needs of a request, read under lock so two officers cannot act on it at once. */
export interface RequestForDecision extends StoredRequest {
  id: string;
  status: RequestStatus;
  extended: boolean;
  forwardedFromCode: string | null;
}

export interface StateChange {
  status: RequestStatus;
  dueOn?: string;
  extended?: boolean;
  answered?: boolean;
  forwardedToCode?: string;
}

/** Information requests (tenant-owned rows). */
export class InformationRequestsRepository {
  async forDecision(tx: TenantTransaction, id: string): Promise<RequestForDecision | null> {
    const [row] = await tx.manager.query(
      `SELECT id, code, status, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", extended,
              forwarded_from_code AS "forwardedFromCode", requester_name AS "requesterName",
              requester_address AS "requesterAddress", requester_email AS "requesterEmail",
              requester_phone AS "requesterPhone", contact_lookups AS "contactLookups", information, purpose, delivery
         FROM information_requests WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tx.tenantId, id],
    );
    return row ?? null;
  }

  /**
   * Back in the PPID's hands after the requester answered its request for clarification (as extended, if it
   * was): the new state, or null when no clarification was being asked for.
   */
  async clarified(tx: TenantTransaction, id: string): Promise<(RequestState & { id: string }) | null> {
    // Through a SELECT: an UPDATE's own answer comes back from the driver as [rows, count].
    const [row] = await tx.manager.query(
      `WITH changed AS (
         UPDATE information_requests SET status = CASE WHEN extended THEN 'extended' ELSE 'received' END,
                updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND status = 'clarification' RETURNING *)
       SELECT id, ${STATE} FROM changed`,
      [tx.tenantId, id],
    );
    return row ?? null;
  }

  async change(tx: TenantTransaction, id: string, change: StateChange): Promise<void> {
    await tx.manager.query(
      `UPDATE information_requests SET status = $3, due_on = coalesce($4::date, due_on),
              extended = extended OR $5, answered_at = CASE WHEN $6 THEN now() ELSE answered_at END,
              forwarded_to_code = coalesce($7, forwarded_to_code), updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [
        tx.tenantId,
        id,
        change.status,
        change.dueOn ?? null,
        change.extended ?? false,
        change.answered ?? false,
        change.forwardedToCode ?? null,
      ],
    );
  }

  /** `forwardedFromCode`: the request's code at the OPD that forwarded it here. */
  async insert(
    tx: TenantTransaction,
    request: StoredRequest,
    forwardedFromCode: string | null = null,
  ): Promise<RequestState> {
    const [row] = await tx.manager.query(
      `INSERT INTO information_requests (tenant_id, code, due_on, requester_name, requester_address, requester_email,
         requester_phone, contact_lookups, information, purpose, delivery, forwarded_from_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${STATE}`,
      [
        tx.tenantId,
        request.code,
        request.dueOn,
        request.requesterName,
        request.requesterAddress,
        request.requesterEmail,
        request.requesterPhone,
        request.contactLookups,
        request.information,
        request.purpose,
        request.delivery,
        forwardedFromCode,
      ],
    );
    return row;
  }

  /** A page of the queue: open requests first, the answer due soonest first; then the answered, newest first. */
  async queue(
    tx: TenantTransaction,
    page: { open?: boolean; limit: number; offset: number },
  ): Promise<{ items: QueuedRequest[]; total: number }> {
    const where = `tenant_id = $1 AND ($2::boolean IS NULL OR (status = ANY ($3)) = $2)`;
    const params = [tx.tenantId, page.open ?? null, OPEN_STATUSES];
    const [{ total }] = await tx.manager.query(
      `SELECT count(*)::int AS total FROM information_requests WHERE ${where}`,
      params,
    );
    const items = await tx.manager.query(
      `SELECT ${QUEUED} FROM information_requests WHERE ${where}
        ORDER BY (status = ANY ($3)) DESC, CASE WHEN status = ANY ($3) THEN due_on END, received_at DESC
        LIMIT $4 OFFSET $5`,
      [...params, page.limit, page.offset],
    );
    return { items, total };
  }

  async byId(tx: TenantTransaction, id: string): Promise<SealedRequest | null> {
    const [row] = await tx.manager.query(
      `SELECT ${QUEUED}, purpose, extended, requester_name AS "requesterName", requester_address AS "requesterAddress",
              requester_email AS "requesterEmail", requester_phone AS "requesterPhone",
              personal_data_erased_at AS "personalDataErasedAt"
         FROM information_requests WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    return row ?? null;
  }

  /**
   * Erases the personal data of this OPD's requests closed before `closedBefore` (answered or forwarded, and
   * any objection answered): the sealed fields, the purpose, the contact lookups, and the requester's own words
   * in the steps and the objection. The register keeps the rest. Returns how many requests were erased.
   */
  async erasePersonalData(tx: TenantTransaction, closedBefore: Date): Promise<number> {
    const [{ erased }] = await tx.manager.query(
      `WITH due AS (
         SELECT r.id FROM information_requests r LEFT JOIN information_objections o ON o.request_id = r.id
          WHERE r.tenant_id = $1 AND r.personal_data_erased_at IS NULL AND r.answered_at < $2
            AND r.status <> ALL ($3) AND (o.id IS NULL OR o.decided_at < $2)
          FOR UPDATE OF r),
       erased AS (
         UPDATE information_requests r SET requester_name = NULL, requester_address = NULL, requester_email = NULL,
                requester_phone = NULL, purpose = NULL, contact_lookups = '{}', personal_data_erased_at = now()
           FROM due WHERE r.id = due.id RETURNING r.id),
       own_words AS (
         UPDATE information_request_events e SET message = $4
           FROM erased WHERE e.request_id = erased.id AND e.kind IN ('clarified', 'objected') RETURNING e.id),
       statements AS (
         UPDATE information_objections o SET statement = $4
           FROM erased WHERE o.request_id = erased.id RETURNING o.id)
       SELECT count(*)::int AS erased FROM erased`,
      [tx.tenantId, closedBefore, OPEN_STATUSES, ERASED_WORDS],
    );
    return erased;
  }

  /**
   * Each request's legal clock (WIB days) — received since `sinceDay`, or still unanswered — for the completeness
   * score's check that the PPID answers in time.
   */
  clocks(
    tx: TenantTransaction,
    sinceDay: string,
  ): Promise<Array<{ receivedOn: string; dueOn: string; answeredOn: string | null }>> {
    return tx.manager.query(
      `SELECT to_char(received_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS "receivedOn",
              to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
              to_char(answered_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS "answeredOn"
         FROM information_requests
        WHERE tenant_id = $1 AND (received_at >= $2::date - interval '1 day' OR answered_at IS NULL)`,
      [tx.tenantId, sinceDay],
    );
  }

  /** The request with this code, only when `lookup` is one of the contacts it was made with. */
  async byCodeAndContact(
    tx: TenantTransaction,
    code: string,
    lookup: string,
  ): Promise<(RequestState & { id: string }) | null> {
    const [row] = await tx.manager.query(
      `SELECT id, ${STATE} FROM information_requests WHERE tenant_id = $1 AND code = $2 AND $3 = ANY (contact_lookups)`,
      [tx.tenantId, code, lookup],
    );
    return row ?? null;
  }
}
