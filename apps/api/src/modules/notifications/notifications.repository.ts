import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

export type NotificationKind = 'published' | 'returned' | 'submitted' | 'held';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  itemId: string;
  title: string;
  note: string | null;
}

export interface NotificationRow {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  kind: NotificationKind;
  itemId: string | null;
  title: string;
  note: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface UnsentRow extends NotificationRow {
  email: string;
  recipientName: string;
}

const COLUMNS = `n.id, n.about_tenant_id AS "tenantId", t.slug AS "tenantSlug", t.name AS "tenantName", n.kind,
  n.item_id AS "itemId", n.title, n.note, n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** Notifications are read by their recipient only: every query here names the user. */
@Injectable()
export class NotificationsRepository {
  async insert(manager: EntityManager, tenantId: string, rows: NewNotification[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO notifications (user_id, about_tenant_id, kind, item_id, title, note)
       SELECT r.user_id, $1, r.kind, r.item_id, r.title, r.note
       FROM jsonb_to_recordset($2::jsonb) AS r(user_id uuid, kind text, item_id uuid, title text, note text)`,
      [
        tenantId,
        JSON.stringify(
          rows.map((row) => ({
            user_id: row.userId,
            kind: row.kind,
            item_id: row.itemId,
            title: row.title,
            note: row.note,
          })),
        ),
      ],
    );
  }

  list(manager: EntityManager, userId: string, limit: number): Promise<NotificationRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM notifications n JOIN tenants t ON t.id = n.about_tenant_id
       WHERE n.user_id = $1 ORDER BY n.created_at DESC LIMIT $2`,
      [userId, limit],
    );
  }

  async unreadCount(manager: EntityManager, userId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as Array<{ count: number }>;
    return row?.count ?? 0;
  }

  async markRead(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ]);
  }

  /** The next notifications to e-mail, claimed (SKIP LOCKED) so two API instances never send one twice. */
  claimUnsent(manager: EntityManager, limit: number): Promise<UnsentRow[]> {
    return manager.query(
      `WITH claimed AS (
         SELECT id FROM notifications WHERE emailed_at IS NULL AND created_at > now() - interval '1 day'
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE notifications SET emailed_at = now() WHERE id IN (SELECT id FROM claimed) RETURNING *
       )
       SELECT ${COLUMNS}, u.email, u.name AS "recipientName"
       FROM marked n JOIN tenants t ON t.id = n.about_tenant_id JOIN users u ON u.id = n.user_id`,
      [limit],
    );
  }

  async recordEmail(manager: EntityManager, ids: string[], status: string): Promise<void> {
    if (ids.length)
      await manager.query(`UPDATE notifications SET email_status = $2 WHERE id = ANY($1::uuid[])`, [
        ids,
        status,
      ]);
  }
}
