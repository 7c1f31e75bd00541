import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * One account, one owner: adding a person to an OPD (or giving a platform role) is a *grant* the person
 * accepts, never a change made to their account by someone else. A membership starts `pending` with the name
 * the inviter typed (the account's own name is not theirs to read); each invitation link carries exactly one
 * grant (a membership, or a platform role), so issuing a link for one grant never disturbs another. Only
 * the link of the grant an account was created for may choose that account's first password
 * (`claims_account`); every other link works only for someone who signs in as the account.
 */
export class AccountGrants1765300000000 implements MigrationInterface {
  name = 'AccountGrants1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE memberships DROP CONSTRAINT memberships_status_check;
      ALTER TABLE memberships ADD CONSTRAINT memberships_status_check
        CHECK (status IN ('pending','active','deactivated'));
      ALTER TABLE memberships ADD COLUMN invited_name text;
      ALTER TABLE memberships ADD COLUMN accepted_at timestamptz;
      UPDATE memberships SET accepted_at = created_at;

      ALTER TABLE user_tokens ADD COLUMN grant_tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE;
      ALTER TABLE user_tokens ADD COLUMN membership_id uuid REFERENCES memberships(id) ON DELETE CASCADE;
      ALTER TABLE user_tokens ADD COLUMN platform_role text
        CHECK (platform_role IN ('platform_admin','monitor'));
      ALTER TABLE user_tokens ADD COLUMN claims_account boolean NOT NULL DEFAULT false;
      -- Invitations issued before grants existed named no grant: they are spent, and admins reissue them.
      UPDATE user_tokens SET used_at = now() WHERE purpose = 'invitation' AND used_at IS NULL;
      ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_one_grant CHECK (
        purpose <> 'invitation' OR (membership_id IS NOT NULL) <> (platform_role IS NOT NULL)
        OR used_at IS NOT NULL);
      ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_membership_tenant CHECK (
        (membership_id IS NULL) = (grant_tenant_id IS NULL));
      CREATE INDEX user_tokens_membership_idx ON user_tokens (membership_id) WHERE membership_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX user_tokens_membership_idx;
      ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_membership_tenant;
      ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_one_grant;
      ALTER TABLE user_tokens DROP COLUMN claims_account, DROP COLUMN platform_role, DROP COLUMN membership_id, DROP COLUMN grant_tenant_id;
      DELETE FROM memberships WHERE status = 'pending';
      ALTER TABLE memberships DROP COLUMN accepted_at, DROP COLUMN invited_name;
      ALTER TABLE memberships DROP CONSTRAINT memberships_status_check;
      ALTER TABLE memberships ADD CONSTRAINT memberships_status_check CHECK (status IN ('active','deactivated'));
    `);
  }
}
