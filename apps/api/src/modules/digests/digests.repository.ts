import { type EntityManager } from 'typeorm';
import { type TenantTransaction } from '../../core/database/database.service';
import { Tenant } from '../tenants/tenant.entity';

export type DigestStatus = 'sending' | 'sent' | 'skipped' | 'failed';

export interface DigestRow {
  id: string;
  week: string;
  subject: string;
  body: string;
  recipients: string[];
  status: DigestStatus;
  reason: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const COLUMNS = `id, week, subject, body, recipients, status, reason, created_at AS "createdAt", sent_at AS "sentAt"`;

/** OPD digests (tenant-owned) and the city summaries (platform data), claimed once per week. */
export class DigestsRepository {
  /** Active OPDs whose digest for `week` is not written yet, at most `limit`. */
  owed(manager: EntityManager, week: string, limit: number): Promise<Tenant[]> {
    return manager
      .getRepository(Tenant)
      .createQueryBuilder('tenant')
      .where(`tenant.status = 'active' AND tenant.digested_week IS DISTINCT FROM :week`, { week })
      .orderBy('tenant.id')
      .limit(limit)
      .getMany();
  }

  /** Whether this week's OPD digests have begun (some OPD has one). */
  async started(manager: EntityManager, week: string): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM tenants WHERE status = 'active' AND digested_week = $1 LIMIT 1`,
      [week],
    );
    return rows.length > 0;
  }

  async markDigested(manager: EntityManager, tenantId: string, week: string): Promise<void> {
    await manager.query(`UPDATE tenants SET digested_week = $2 WHERE id = $1`, [tenantId, week]);
  }

  /** Inserts this week's digest unless one exists: only the claimant sends it, however many instances run. */
  async claim(
    tx: TenantTransaction,
    digest: { week: string; subject: string; body: string; recipients: string[] },
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await tx.manager.query(
      `INSERT INTO digests (tenant_id, week, subject, body, recipients, status) VALUES ($1, $2, $3, $4, $5, 'sending')
       ON CONFLICT (tenant_id, week) DO NOTHING RETURNING id`,
      [tx.tenantId, digest.week, digest.subject, digest.body, digest.recipients],
    );
    return rows[0]?.id ?? null;
  }

  async finish(
    tx: TenantTransaction,
    id: string,
    status: DigestStatus,
    reason: string | null,
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE digests SET status = $2, reason = $3, sent_at = CASE WHEN $2 = 'sent' THEN now() END WHERE id = $1`,
      [id, status, reason],
    );
  }

  async recent(tx: TenantTransaction, limit: number): Promise<DigestRow[]> {
    return tx.manager.query(
      `SELECT ${COLUMNS} FROM digests WHERE tenant_id = $1 ORDER BY week DESC LIMIT $2`,
      [tx.tenantId, limit],
    );
  }

  async ofWeek(tx: TenantTransaction, week: string): Promise<DigestRow | null> {
    const rows: DigestRow[] = await tx.manager.query(
      `SELECT ${COLUMNS} FROM digests WHERE tenant_id = $1 AND week = $2`,
      [tx.tenantId, week],
    );
    return rows[0] ?? null;
  }

  async claimCity(
    manager: EntityManager,
    digest: { week: string; subject: string; body: string; recipients: string[] },
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO city_digests (week, subject, body, recipients, status) VALUES ($1, $2, $3, $4, 'sending')
       ON CONFLICT (week) DO NOTHING RETURNING id`,
      [digest.week, digest.subject, digest.body, digest.recipients],
    );
    return rows[0]?.id ?? null;
  }

  async finishCity(
    manager: EntityManager,
    id: string,
    status: DigestStatus,
    reason: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE city_digests SET status = $2, reason = $3, sent_at = CASE WHEN $2 = 'sent' THEN now() END WHERE id = $1`,
      [id, status, reason],
    );
  }

  async cityDone(manager: EntityManager, week: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM city_digests WHERE week = $1`, [week]);
    return rows.length > 0;
  }

  async recentCity(manager: EntityManager, limit: number): Promise<DigestRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM city_digests ORDER BY week DESC LIMIT $1`, [limit]);
  }

  /** Who reads an OPD's digest: its active editors and admins. */
  async opdRecipients(tx: TenantTransaction): Promise<string[]> {
    const rows: Array<{ email: string }> = await tx.manager.query(
      `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND m.status = 'active' AND u.status = 'active'
          AND m.role IN ('editor', 'tenant_admin')
        ORDER BY u.email`,
      [tx.tenantId],
    );
    return rows.map((row) => row.email);
  }

  /** Who reads the city summary: active monitors and platform admins. */
  async cityRecipients(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ email: string }> = await manager.query(
      `SELECT email FROM users WHERE status = 'active' AND platform_role IN ('monitor', 'platform_admin') ORDER BY email`,
    );
    return rows.map((row) => row.email);
  }

  async setOptOut(manager: EntityManager, tenantId: string, optOut: boolean): Promise<void> {
    await manager.query(`UPDATE tenants SET digest_opt_out = $2 WHERE id = $1`, [tenantId, optOut]);
  }
}
