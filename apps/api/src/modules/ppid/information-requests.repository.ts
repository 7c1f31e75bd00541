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
}

const STATE = `code, status, received_at AS "receivedAt", to_char(due_on, 'YYYY-MM-DD') AS "dueOn"`;

/** Information requests (tenant-owned rows). */
export class InformationRequestsRepository {
  async insert(tx: TenantTransaction, request: StoredRequest): Promise<RequestState> {
    const [row] = await tx.manager.query(
      `INSERT INTO information_requests (tenant_id, code, due_on, requester_name, requester_address, requester_email,
         requester_phone, contact_lookups, information, purpose, delivery)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${STATE}`,
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
      ],
    );
    return row;
  }

  /** The request with this code, only when `lookup` is one of the contacts it was made with. */
  async byCodeAndContact(tx: TenantTransaction, code: string, lookup: string): Promise<RequestState | null> {
    const [row] = await tx.manager.query(
      `SELECT ${STATE} FROM information_requests WHERE tenant_id = $1 AND code = $2 AND $3 = ANY (contact_lookups)`,
      [tx.tenantId, code, lookup],
    );
    return row ?? null;
  }
}
