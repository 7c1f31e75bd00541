import { Inject, Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { Database } from '../../core/database/database.service';
import {
  type NotificationKind,
  type NotificationRow,
  NotificationsRepository,
} from './notifications.repository';

/** What happened to an item, as the workflow tells it. */
export interface WorkflowNews {
  kind: NotificationKind;
  item: { id: string; title: string; createdBy: string | null; submittedBy: string | null };
  actorUserId: string | null;
  note?: string | null;
}

/**
 * Who is told what, in the transaction of the change: the item's author (its writer and whoever submitted it)
 * when it is published, sent back or held; the OPD's editors and admins when an item waits for review. Never
 * the person who did it.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
  ) {}

  async tell(tx: TenantTransaction, news: WorkflowNews): Promise<void> {
    const recipients = news.kind === 'submitted' ? await this.reviewers(tx) : authors(news.item);
    const userIds = [...new Set(recipients)].filter((id) => id !== news.actorUserId);
    await this.notifications.insert(
      tx.manager,
      tx.tenantId,
      userIds.map((userId) => ({
        userId,
        kind: news.kind,
        itemId: news.item.id,
        title: news.item.title,
        note: news.note ?? null,
      })),
    );
  }

  list(userId: string, limit = 30): Promise<{ unread: number; items: NotificationRow[] }> {
    return this.db.inPlatform(async (manager) => ({
      unread: await this.notifications.unreadCount(manager, userId),
      items: await this.notifications.list(manager, userId, limit),
    }));
  }

  markRead(userId: string): Promise<void> {
    return this.db.inPlatform((manager) => this.notifications.markRead(manager, userId));
  }

  /** The OPD's active editors and admins (whose accounts are active): they review. */
  private async reviewers(tx: TenantTransaction): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await tx.manager.query(
      `SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.tenant_id = $1 AND m.status = 'active' AND m.role IN ('editor', 'tenant_admin') AND u.status = 'active'`,
      [tx.tenantId],
    );
    return rows.map((row) => row.user_id);
  }
}

function authors(item: WorkflowNews['item']): string[] {
  return [item.createdBy, item.submittedBy].filter((id): id is string => Boolean(id));
}
