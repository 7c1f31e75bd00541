import { Client } from 'pg';

/**
 * Seeds `opds` OPDs of `items` published items each straight into the database, set-based (a country's worth
 * in minutes): mostly news, one service and one announcement in force per OPD, and for one OPD in a hundred an
 * item scheduled a minute ago (due for the scheduler). Rows go through the same triggers as publishing (the
 * city mirror, the scheduler's due times).
 */
/** A news item as the editor's form saves it: it publishes when due (a bare one would fail on every pass). */
const SCHEDULED_NEWS = {
  title: 'Terjadwal',
  summary: 'Berita yang terbit sesuai jadwal.',
  body: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Isi berita terjadwal.' }] }],
  },
  category: 'Pelayanan',
  tags: [],
};

export async function seedCity(
  superuserUrl: string,
  { opds, items, firstIndex = 0 }: { opds: number; items: number; firstIndex?: number },
): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const BATCH = 200;
    for (let start = 0; start < opds; start += BATCH) {
      const count = Math.min(BATCH, opds - start);
      await client.query(
        `WITH new_tenants AS (
           INSERT INTO tenants (slug, name, short_name, kind, content_version, last_published_at)
           SELECT 'skala-' || g, 'OPD Skala ' || g, 'Skala ' || g, 'dinas', 1, now()
             FROM generate_series($1::int, $1::int + $2::int - 1) g
           RETURNING id, slug),
         rows AS (
           SELECT t.id AS tenant_id, gen_random_uuid() AS item_id, gen_random_uuid() AS revision_id, n,
                  CASE WHEN n = 1 THEN 'layanan' WHEN n = 2 THEN 'pengumuman' ELSE 'berita' END AS type,
                  'butir-' || n AS slug, 'Butir ' || n || ' dari ' || t.slug AS title,
                  now() - make_interval(hours => n) AS published_at
             FROM new_tenants t, generate_series(1, $3::int) n),
         items AS (
           INSERT INTO content_items (id, tenant_id, type, slug, title, state, working_revision_id,
                                      published_revision_id, published_at, first_published_at)
           SELECT item_id, tenant_id, type, slug, title, 'published', revision_id, revision_id, published_at,
                  published_at FROM rows RETURNING id),
         revisions AS (
           INSERT INTO content_revisions (id, tenant_id, item_id, number, data)
           SELECT revision_id, tenant_id, item_id, 1,
                  jsonb_build_object('title', title, 'bodyHtml', '<p>' || repeat('Isi berita pelayanan. ', 40) || '</p>')
             FROM rows WHERE EXISTS (SELECT 1 FROM items) RETURNING id)
         INSERT INTO published_content (item_id, tenant_id, revision_id, type, slug, title, summary, data,
                                        published_at, updated_at, activated_at, valid_until, search)
         SELECT item_id, tenant_id, revision_id, type, slug, title, 'Ringkasan ' || title,
                jsonb_build_object('title', title, 'bodyHtml', '<p>' || repeat('Isi berita pelayanan. ', 40) || '</p>'),
                published_at, published_at, published_at,
                CASE WHEN type = 'pengumuman' THEN now() + interval '30 days' END,
                to_tsvector('indonesian', title)
           FROM rows WHERE EXISTS (SELECT 1 FROM revisions)`,
        [firstIndex + start, count, items],
      );
    }
    // One OPD in a hundred has an item whose time came a minute ago.
    await client.query(
      `WITH due AS (
         SELECT id AS tenant_id, gen_random_uuid() AS item_id, gen_random_uuid() AS revision_id
           FROM tenants WHERE slug LIKE 'skala-%' AND right(slug, 2) = '00'),
       items AS (
         INSERT INTO content_items (id, tenant_id, type, slug, title, state, scheduled_at, working_revision_id)
         SELECT item_id, tenant_id, 'berita', 'terjadwal', 'Terjadwal', 'scheduled', now() - interval '1 minute',
                revision_id FROM due RETURNING id)
       INSERT INTO content_revisions (id, tenant_id, item_id, number, data)
       SELECT revision_id, tenant_id, item_id, 1, $1::jsonb
         FROM due WHERE EXISTS (SELECT 1 FROM items)`,
      [JSON.stringify(SCHEDULED_NEWS)],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
