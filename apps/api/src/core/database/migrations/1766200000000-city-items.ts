import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the city portal shows of every OPD, kept as it changes (issue 17: `/public/city` read each OPD in a
 * transaction of its own, about 4 s at 2,046 OPDs). `city_items` mirrors the published news, announcements and
 * services of every OPD — public content, already on each OPD's site — kept by a trigger on `published_content`
 * in the same transaction as each publish, unpublish or edit, so the portal's data is three indexed queries.
 * Everyone may read it (it holds only what citizens may read); row-level security lets only an OPD's own
 * transaction write its rows.
 */
export class CityItems1766200000000 implements MigrationInterface {
  name = 'CityItems1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE city_items (
        item_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        type text NOT NULL,
        slug text NOT NULL,
        title text NOT NULL,
        summary text,
        published_at timestamptz NOT NULL,
        urgent boolean NOT NULL,
        valid_from timestamptz,
        valid_until timestamptz,
        -- A service's fields (sector, life events, channels, fee, time): the catalogue shows them.
        data jsonb
      );
      CREATE INDEX city_items_news_idx ON city_items (published_at DESC) WHERE type = 'berita';
      CREATE INDEX city_items_type_idx ON city_items (type, tenant_id);
      -- Everyone may read it (it is what citizens see); only an OPD's own transaction writes its rows.
      ALTER TABLE city_items ENABLE ROW LEVEL SECURITY;
      ALTER TABLE city_items FORCE ROW LEVEL SECURITY;
      CREATE POLICY public_read ON city_items FOR SELECT USING (true);
      CREATE POLICY own_writes ON city_items FOR INSERT WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY own_updates ON city_items FOR UPDATE
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY own_deletes ON city_items FOR DELETE USING (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE, DELETE ON city_items TO laman_app;

      CREATE FUNCTION mirror_city_item() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM city_items WHERE item_id = OLD.item_id;
          RETURN NULL;
        END IF;
        IF NEW.type NOT IN ('berita', 'pengumuman', 'layanan') THEN
          RETURN NULL;
        END IF;
        INSERT INTO city_items AS c (item_id, tenant_id, type, slug, title, summary, published_at, urgent,
                                     valid_from, valid_until, data)
        VALUES (NEW.item_id, NEW.tenant_id, NEW.type, NEW.slug, NEW.title, NEW.summary, NEW.published_at,
                NEW.urgent, NEW.valid_from, NEW.valid_until,
                CASE WHEN NEW.type = 'layanan' THEN NEW.data - 'bodyHtml' END)
        ON CONFLICT (item_id) DO UPDATE SET
          slug = EXCLUDED.slug, title = EXCLUDED.title, summary = EXCLUDED.summary,
          published_at = EXCLUDED.published_at, urgent = EXCLUDED.urgent, valid_from = EXCLUDED.valid_from,
          valid_until = EXCLUDED.valid_until, data = EXCLUDED.data;
        RETURN NULL;
      END $$;
      CREATE TRIGGER published_content_city AFTER INSERT OR UPDATE OR DELETE ON published_content
        FOR EACH ROW EXECUTE FUNCTION mirror_city_item();

      DO $$
      DECLARE
        tenant record;
      BEGIN
        FOR tenant IN SELECT id FROM tenants LOOP
          PERFORM set_config('app.tenant_id', tenant.id::text, true);
          INSERT INTO city_items (item_id, tenant_id, type, slug, title, summary, published_at, urgent,
                                  valid_from, valid_until, data)
          SELECT item_id, tenant_id, type, slug, title, summary, published_at, urgent, valid_from, valid_until,
                 CASE WHEN type = 'layanan' THEN data - 'bodyHtml' END
            FROM published_content
           WHERE tenant_id = tenant.id AND type IN ('berita', 'pengumuman', 'layanan');
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER published_content_city ON published_content;
      DROP FUNCTION mirror_city_item();
      DROP TABLE city_items;
    `);
  }
}
