import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Imports of an OPD's old WordPress site (issue 19). `wordpress_imports` is one run: which site, who started it,
 * how far it got and what it counted. `imported_items` remembers, for every item of the old site that came in,
 * what it became (a content item, a media file, or both for a document), a hash of what it came in as (a second run updates only what
 * changed) and the version it had right after (an item edited in Laman since is neither overwritten nor undone),
 * and the old site's paths of it (each answers 301 to its new address).
 */
export class WordpressImports1768100000000 implements MigrationInterface {
  name = 'WordpressImports1768100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE wordpress_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        source_url text NOT NULL CHECK (source_url ~ '^https?://'),
        status text NOT NULL CHECK (status IN ('running', 'done', 'failed', 'undone')),
        started_by uuid REFERENCES users(id) ON DELETE SET NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        totals jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX wordpress_imports_tenant_idx ON wordpress_imports (tenant_id, started_at DESC);
      CREATE TABLE imported_items (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        source_url text NOT NULL,
        source_id integer NOT NULL CHECK (source_id > 0),
        import_id uuid NOT NULL REFERENCES wordpress_imports(id) ON DELETE CASCADE,
        -- Deleted in Laman since: the record stays (with nothing to point at), so a second run does not bring
        -- back what the OPD removed.
        item_id uuid REFERENCES content_items(id) ON DELETE SET NULL,
        media_id uuid REFERENCES media(id) ON DELETE SET NULL,
        -- Empty while a document's file came in and its item not yet (the next run finishes it).
        source_hash text NOT NULL,
        imported_version integer NOT NULL,
        old_paths text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, source_url, source_id)
      );
      CREATE INDEX imported_items_import_idx ON imported_items (import_id);
      CREATE INDEX imported_items_item_idx ON imported_items (item_id) WHERE item_id IS NOT NULL;
      CREATE INDEX imported_items_media_idx ON imported_items (media_id) WHERE media_id IS NOT NULL;
      CREATE INDEX imported_items_paths_idx ON imported_items USING gin (old_paths);
    `);
    for (const table of ['wordpress_imports', 'imported_items'])
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO laman_app;
      `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE imported_items; DROP TABLE wordpress_imports`);
  }
}
