import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The city-wide view of imports (issue 19): each OPD's latest import run — its status, progress, totals, how many
 * report entries ask for a look, and why it failed — kept in a platform table (`about_tenant_id`, like
 * `site_scores`) by a trigger on `wordpress_imports`, so a platform admin following 38 (or 20,000) OPDs' imports
 * reads one row per OPD without crossing any OPD's row-level security. A change to an older run (undo marks them
 * all) never replaces a newer run's row.
 */
export class WordpressImportOverview1768400000000 implements MigrationInterface {
  name = 'WordpressImportOverview1768400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE wordpress_import_overview (
        about_tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        import_id uuid NOT NULL,
        source_url text NOT NULL,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        progress jsonb NOT NULL,
        totals jsonb NOT NULL,
        notes integer NOT NULL,
        error text
      );
      CREATE INDEX wordpress_import_overview_status_idx ON wordpress_import_overview (status, started_at DESC);
      GRANT SELECT ON wordpress_import_overview TO laman_app;

      CREATE FUNCTION wordpress_import_overview_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$
      BEGIN
        INSERT INTO wordpress_import_overview AS latest (about_tenant_id, import_id, source_url, status, started_at,
          finished_at, progress, totals, notes, error)
        VALUES (NEW.tenant_id, NEW.id, NEW.source_url, NEW.status, NEW.started_at, NEW.finished_at, NEW.progress,
          NEW.totals, jsonb_array_length(NEW.report), NEW.error)
        ON CONFLICT (about_tenant_id) DO UPDATE SET import_id = EXCLUDED.import_id,
          source_url = EXCLUDED.source_url, status = EXCLUDED.status, started_at = EXCLUDED.started_at,
          finished_at = EXCLUDED.finished_at, progress = EXCLUDED.progress, totals = EXCLUDED.totals,
          notes = EXCLUDED.notes, error = EXCLUDED.error
          WHERE latest.import_id = EXCLUDED.import_id OR latest.started_at <= EXCLUDED.started_at;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION wordpress_import_overview_sync() FROM PUBLIC;
      CREATE TRIGGER wordpress_imports_overview AFTER INSERT OR UPDATE ON wordpress_imports
        FOR EACH ROW EXECUTE FUNCTION wordpress_import_overview_sync();
    `);
    // Runs recorded before: each OPD's latest, read inside that OPD (row-level security binds this role too).
    await db.query(`
      DO $$
      DECLARE opd uuid;
      BEGIN
        FOR opd IN SELECT id FROM tenants LOOP
          PERFORM set_config('app.tenant_id', opd::text, true);
          INSERT INTO wordpress_import_overview (about_tenant_id, import_id, source_url, status, started_at,
            finished_at, progress, totals, notes, error)
          SELECT tenant_id, id, source_url, status, started_at, finished_at, progress, totals,
                 jsonb_array_length(report), error
            FROM wordpress_imports WHERE tenant_id = opd ORDER BY started_at DESC LIMIT 1;
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER wordpress_imports_overview ON wordpress_imports;
      DROP FUNCTION wordpress_import_overview_sync();
      DROP TABLE wordpress_import_overview;
    `);
  }
}
