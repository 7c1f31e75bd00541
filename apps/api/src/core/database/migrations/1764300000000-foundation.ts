import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Tenants, users, memberships, sessions, one-time tokens and the audit log.
 * Tenant-owned tables get FORCE ROW LEVEL SECURITY, so even their owner is filtered; the API's role
 * (laman_app) gets data privileges only. No tenant set in the transaction means no rows.
 */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
      CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CONSTRAINT tenants_slug_key UNIQUE
          CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,46}[a-z0-9]$'),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
        short_name text NOT NULL CHECK (length(short_name) BETWEEN 2 AND 60),
        kind text NOT NULL CHECK (kind IN ('dinas','badan','kecamatan','bagian','inspektorat','sekretariat','lainnya')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended')),
        suspended_reason text,
        suspended_at timestamptz,
        former_names text[] NOT NULL DEFAULT '{}',
        custom_domain text,
        contact_name text,
        contact_email text,
        contact_phone text,
        address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX tenants_custom_domain_key ON tenants (lower(custom_domain)) WHERE custom_domain IS NOT NULL;

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text,
        platform_role text CHECK (platform_role IN ('platform_admin','monitor')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('invited','active','deactivated')),
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        password_changed_at timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('contributor','editor','tenant_admin')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','deactivated')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_tenant_user_key UNIQUE (tenant_id, user_id)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id);

      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        secret_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        last_used_at timestamptz NOT NULL DEFAULT now(),
        user_agent text,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE user_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('invitation','password_reset')),
        token_hash text NOT NULL CONSTRAINT user_tokens_hash_key UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text,
        target_id uuid,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_events_tenant_time_idx ON audit_events (tenant_id, created_at DESC);

      ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
      ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON memberships
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      -- A signed-in user may read (only read) their own memberships across tenants, for /auth/me.
      CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = app_current_user());

      ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON audit_events
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

      GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, memberships, auth_sessions, user_tokens TO laman_app;
      GRANT SELECT, INSERT ON audit_events TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_events, user_tokens, auth_sessions, memberships, users, tenants;
      DROP FUNCTION app_current_user(), app_current_tenant();
    `);
  }
}
