import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Notifications belong to their recipient, not to an OPD's rows: the OPD they are about is named
 * `about_tenant_id` (as in platform_alerts), so the rule "every tenant_id column is behind row-level security"
 * keeps holding.
 */
export class NotificationsAboutTenant1765800000000 implements MigrationInterface {
  name = 'NotificationsAboutTenant1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications RENAME COLUMN tenant_id TO about_tenant_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications RENAME COLUMN about_tenant_id TO tenant_id`);
  }
}
