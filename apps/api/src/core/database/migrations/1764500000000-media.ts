import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The media library: one row per uploaded file, with its stored variants. Tenant-owned. */
export class Media1764500000000 implements MigrationInterface {
  name = 'Media1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('image','document')),
        file_name text NOT NULL,
        mime_type text NOT NULL,
        extension text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        stored_bytes bigint NOT NULL,
        token text NOT NULL,
        width integer,
        height integer,
        dominant_color text,
        placeholder text,
        page_count integer,
        has_script boolean NOT NULL DEFAULT false,
        alt text,
        caption text,
        files jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX media_list_idx ON media (tenant_id, created_at DESC);
      ALTER TABLE media ENABLE ROW LEVEL SECURITY;
      ALTER TABLE media FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON media
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE, DELETE ON media TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE media`);
  }
}
