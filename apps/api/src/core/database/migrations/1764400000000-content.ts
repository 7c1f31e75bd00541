import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Content items with their revisions, the published projection the public API reads, per-tenant site
 * settings, and the site-change outbox the site builder consumes. All tenant-owned: FORCEd row-level security.
 */
export class Content1764400000000 implements MigrationInterface {
  name = 'Content1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN require_second_editor boolean NOT NULL DEFAULT false,
        ADD COLUMN content_version bigint NOT NULL DEFAULT 0,
        ADD COLUMN last_published_at timestamptz;

      CREATE TABLE content_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('berita','pengumuman','agenda','halaman','pejabat','layanan','dokumen','indikator','galeri')),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,118}[a-z0-9])?$'),
        title text NOT NULL,
        state text NOT NULL CHECK (state IN ('draft','in_review','scheduled','published','archived')),
        version integer NOT NULL DEFAULT 1,
        working_revision_id uuid,
        published_revision_id uuid,
        scheduled_at timestamptz,
        published_at timestamptz,
        first_published_at timestamptz,
        needs_post_review boolean NOT NULL DEFAULT false,
        force_publish_reason text,
        force_published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        review_comment text,
        submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT content_items_slug_key UNIQUE (tenant_id, type, slug),
        CONSTRAINT content_items_schedule CHECK ((state = 'scheduled') = (scheduled_at IS NOT NULL))
      );
      CREATE INDEX content_items_list_idx ON content_items (tenant_id, type, updated_at DESC);
      CREATE INDEX content_items_due_idx ON content_items (tenant_id, scheduled_at) WHERE state = 'scheduled';

      CREATE TABLE content_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        item_id uuid NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
        number integer NOT NULL,
        data jsonb NOT NULL,
        changed_fields text[] NOT NULL DEFAULT '{}',
        note text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT content_revisions_number_key UNIQUE (item_id, number)
      );

      CREATE TABLE published_content (
        item_id uuid PRIMARY KEY REFERENCES content_items(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        revision_id uuid NOT NULL REFERENCES content_revisions(id),
        type text NOT NULL,
        slug text NOT NULL,
        title text NOT NULL,
        summary text,
        data jsonb NOT NULL,
        category text,
        tags text[] NOT NULL DEFAULT '{}',
        year integer,
        starts_at timestamptz,
        ends_at timestamptz,
        valid_from timestamptz,
        valid_until timestamptz,
        urgent boolean NOT NULL DEFAULT false,
        headline boolean NOT NULL DEFAULT false,
        sort_order integer,
        published_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        expired_at timestamptz,
        -- Set once valid_from has passed (at publish, or by the scheduler's sweep), for the site builder.
        activated_at timestamptz,
        search tsvector NOT NULL,
        CONSTRAINT published_content_slug_key UNIQUE (tenant_id, type, slug)
      );
      CREATE INDEX published_content_list_idx ON published_content (tenant_id, type, published_at DESC);
      CREATE INDEX published_content_search_idx ON published_content USING gin (search);
      CREATE INDEX published_content_tags_idx ON published_content USING gin (tags);
      CREATE INDEX published_content_expiry_idx ON published_content (tenant_id, valid_until) WHERE expired_at IS NULL;
      CREATE INDEX published_content_activation_idx ON published_content (tenant_id, valid_from) WHERE activated_at IS NULL;

      CREATE TABLE site_settings (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        data jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE site_change_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        kind text NOT NULL,
        item_id uuid,
        content_type text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        processed_at timestamptz
      );
      CREATE INDEX site_change_events_pending_idx ON site_change_events (tenant_id, created_at) WHERE processed_at IS NULL;
    `);
    for (const table of [
      'content_items',
      'content_revisions',
      'published_content',
      'site_settings',
      'site_change_events',
    ]) {
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
    await db.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON content_items, published_content, site_settings, site_change_events TO laman_app;
      -- Revisions are history: added, never rewritten (they go only with their item).
      GRANT SELECT, INSERT ON content_revisions TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE site_change_events, site_settings, published_content, content_revisions, content_items;
      ALTER TABLE tenants DROP COLUMN require_second_editor, DROP COLUMN content_version, DROP COLUMN last_published_at;
    `);
  }
}
