import { type TenantTransaction } from '../../core/database/database.service';
import { type RegisterRow } from './service-report';

const WIB_DAY = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD')`;

/**
 * The request register (tenant-owned rows read together): each request received in a year (WIB), with its
 * answer, the exemption a refusal cited and its objection — never the requester's data.
 */
export class InformationRegisterRepository {
  /** The year's rows, oldest first; at most `limit` from `offset` (all when `limit` is null). */
  async year(
    tx: TenantTransaction,
    year: number,
    page: { limit: number | null; offset: number } = { limit: null, offset: 0 },
  ): Promise<{ rows: RegisterRow[]; total: number }> {
    const where = `r.tenant_id = $1 AND r.received_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Jakarta')
      AND r.received_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Jakarta')`;
    const [{ total }] = await tx.manager.query(
      `SELECT count(*)::int AS total FROM information_requests r WHERE ${where}`,
      [tx.tenantId, year],
    );
    const rows = await tx.manager.query(
      `SELECT r.code, ${WIB_DAY('r.received_at')} AS "receivedOn", r.information, r.delivery, r.status,
              to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn", ${WIB_DAY('r.answered_at')} AS "answeredOn", r.extended,
              (SELECT e.exemption_title FROM information_request_events e
                WHERE e.tenant_id = r.tenant_id AND e.request_id = r.id AND e.exemption_title IS NOT NULL
                ORDER BY e.at DESC LIMIT 1) AS exemption,
              r.forwarded_from_code AS "forwardedFromCode", r.forwarded_to_code AS "forwardedToCode",
              ${WIB_DAY('o.received_at')} AS "objectedOn", o.reasons AS "objectionReasons",
              o.outcome AS "objectionOutcome"
         FROM information_requests r LEFT JOIN information_objections o ON o.request_id = r.id
        WHERE ${where}
        ORDER BY r.received_at, r.code
        LIMIT $3 OFFSET $4`,
      [tx.tenantId, year, page.limit, page.offset],
    );
    return { rows, total };
  }
}
