import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each OPD's latest finished build outcome on its tenant row (`site_status`: live, failed or held), kept by a
 * trigger on `site_builds` in the same transaction as the build record, so the platform's sites page can put
 * the troubled sites first and count them through an index instead of reading every OPD's builds per request.
 * Filled once here from each OPD's builds (read tenant by tenant: builds are tenant-owned).
 */
export class SiteStatus1766800000000 implements MigrationInterface {
  name = 'SiteStatus1766800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants ADD COLUMN site_status text, ADD COLUMN site_status_at timestamptz;
      CREATE INDEX tenants_site_troubled_idx ON tenants (name)
        WHERE status = 'active' AND site_status IN ('failed', 'held');

      CREATE FUNCTION note_site_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('live', 'failed', 'held') AND NEW.finished_at IS NOT NULL THEN
          UPDATE tenants SET site_status = NEW.status, site_status_at = NEW.finished_at
           WHERE id = NEW.tenant_id AND (site_status_at IS NULL OR site_status_at <= NEW.finished_at);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER site_builds_status AFTER INSERT OR UPDATE OF status, finished_at ON site_builds
        FOR EACH ROW EXECUTE FUNCTION note_site_status();

      DO $$
      DECLARE
        tenant record;
      BEGIN
        FOR tenant IN SELECT id FROM tenants LOOP
          PERFORM set_config('app.tenant_id', tenant.id::text, true);
          UPDATE tenants t SET site_status = latest.status, site_status_at = latest.finished_at
            FROM (SELECT status, finished_at FROM site_builds
                   WHERE tenant_id = tenant.id AND status IN ('live', 'failed', 'held') AND finished_at IS NOT NULL
                   ORDER BY finished_at DESC LIMIT 1) latest
           WHERE t.id = tenant.id;
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER site_builds_status ON site_builds;
      DROP FUNCTION note_site_status();
      ALTER TABLE tenants DROP COLUMN site_status, DROP COLUMN site_status_at;
    `);
  }
}
