import { type TenantTransaction } from '../../core/database/database.service';
import { type Objection, type ObjectionOutcome, type ObjectionReason } from './objection';

/** An objection in the atasan PPID's queue, with the request it is about. */
export interface QueuedObjection extends Objection {
  requestId: string;
  code: string;
  information: string;
}

const OBJECTION = `o.id, o.reasons, o.statement, o.received_at AS "receivedAt", to_char(o.due_on, 'YYYY-MM-DD') AS "dueOn",
  o.outcome, o.decided_at AS "decidedAt", o.decision, to_char(o.dispute_until, 'YYYY-MM-DD') AS "disputeUntil"`;

/** Objections to the PPID's answers (tenant-owned rows; one per request). */
export class InformationObjectionsRepository {
  /** The new objection, or null when the request has one already. */
  async insert(
    tx: TenantTransaction,
    objection: { requestId: string; reasons: ObjectionReason[]; statement: string; dueOn: string },
  ): Promise<Objection | null> {
    const [row] = await tx.manager.query(
      `WITH added AS (
         INSERT INTO information_objections (tenant_id, request_id, reasons, statement, due_on)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (request_id) DO NOTHING RETURNING *)
       SELECT ${OBJECTION} FROM added o`,
      [tx.tenantId, objection.requestId, objection.reasons, objection.statement, objection.dueOn],
    );
    return row ?? null;
  }

  of(tx: TenantTransaction, requestId: string): Promise<Objection | null> {
    return this.one(tx, `o.request_id = $2`, requestId);
  }

  /** The objection, locked against a second superior's answer at the same time. */
  forDecision(tx: TenantTransaction, id: string): Promise<QueuedObjection | null> {
    return this.one(tx, `o.id = $2`, id, 'FOR UPDATE OF o');
  }

  /** The objection as answered, unless another answer came first (then null). */
  async decide(
    tx: TenantTransaction,
    id: string,
    answer: { outcome: ObjectionOutcome; decision: string; disputeUntil: string; by: string },
  ): Promise<Objection | null> {
    const [row] = await tx.manager.query(
      `WITH changed AS (
         UPDATE information_objections SET outcome = $3, decision = $4, dispute_until = $5, decided_by = $6,
                decided_at = now()
          WHERE tenant_id = $1 AND id = $2 AND outcome IS NULL RETURNING *)
       SELECT ${OBJECTION} FROM changed o`,
      [tx.tenantId, id, answer.outcome, answer.decision, answer.disputeUntil, answer.by],
    );
    return row ?? null;
  }

  /** A page of the superior's queue: open objections first, the answer due soonest first; then the answered. */
  async queue(
    tx: TenantTransaction,
    page: { open?: boolean; limit: number; offset: number },
  ): Promise<{ items: QueuedObjection[]; total: number }> {
    const where = `o.tenant_id = $1 AND ($2::boolean IS NULL OR (o.outcome IS NULL) = $2)`;
    const [{ total }] = await tx.manager.query(
      `SELECT count(*)::int AS total FROM information_objections o WHERE ${where}`,
      [tx.tenantId, page.open ?? null],
    );
    const items = await tx.manager.query(
      `SELECT ${OBJECTION}, r.id AS "requestId", r.code, r.information
         FROM information_objections o JOIN information_requests r ON r.id = o.request_id
        WHERE ${where}
        ORDER BY (o.outcome IS NULL) DESC, CASE WHEN o.outcome IS NULL THEN o.due_on END, o.received_at DESC
        LIMIT $3 OFFSET $4`,
      [tx.tenantId, page.open ?? null, page.limit, page.offset],
    );
    return { items, total };
  }

  private async one(
    tx: TenantTransaction,
    where: string,
    value: string,
    lock = '',
  ): Promise<QueuedObjection | null> {
    const [row] = await tx.manager.query(
      `SELECT ${OBJECTION}, r.id AS "requestId", r.code, r.information
         FROM information_objections o JOIN information_requests r ON r.id = o.request_id
        WHERE o.tenant_id = $1 AND ${where} ${lock}`,
      [tx.tenantId, value],
    );
    return row ?? null;
  }
}
