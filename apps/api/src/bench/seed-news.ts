import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const WORDS = (
  'pemerintah kota bandar lampung melalui dinas komunikasi dan informatika meresmikan layanan baru bagi warga ' +
  'kecamatan kelurahan pelayanan publik administrasi kependudukan kartu keluarga akta kelahiran perekaman ktp ' +
  'elektronik jadwal kegiatan masyarakat wali kota kepala dinas anggaran program pembangunan jalan drainase ' +
  'kesehatan pendidikan sekolah puskesmas bantuan sosial pasar pedagang harga bahan pokok banjir rob pesisir ' +
  'teluk betung tanjung karang kedaton rajabasa sukarame kemiling panjang way halim inovasi digital aplikasi'
).split(' ');

function words(count: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(WORDS[(seed * 7919 + i * 104729) % WORDS.length]!);
  return out.join(' ');
}

/**
 * Inserts `count` published items of about 600 words for one tenant, as publishing would: news by default, or
 * services (`layanan-<n>`, which the satisfaction survey asks about).
 */
export async function insertNews(
  client: Client,
  tenant: { id: string },
  count: number,
  type: 'berita' | 'layanan' = 'berita',
): Promise<void> {
  for (let start = 0; start < count; start += 250) {
    const batch = Math.min(250, count - start);
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let n = start; n < start + batch; n++) {
      const itemId = randomUUID();
      const revisionId = randomUUID();
      const title = `${type === 'berita' ? 'Berita' : 'Layanan'} ${n + 1}: ${words(8, n)}`;
      const body = Array.from({ length: 6 }, (_, p) => `<p>${words(100, n * 10 + p)}</p>`).join('');
      const slugValue = `${type}-${n + 1}`;
      values.push(
        itemId,
        tenant.id,
        revisionId,
        slugValue,
        title,
        words(30, n + 1),
        { bodyHtml: body, title, category: 'Pelayanan' },
        new Date(Date.UTC(2026, 0, 1) + n * 3_600_000),
      );
      const b = values.length - 8;
      tuples.push(
        `($${b + 1}::uuid, $${b + 2}::uuid, $${b + 3}::uuid, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}::jsonb, $${b + 8}::timestamptz)`,
      );
    }
    await client.query(
      `WITH rows (item_id, tenant_id, revision_id, slug, title, summary, data, published_at) AS (VALUES ${tuples.join(',')}),
         items AS (
           INSERT INTO content_items (id, tenant_id, type, slug, title, state, working_revision_id, published_revision_id, published_at, first_published_at)
           SELECT item_id, tenant_id, '${type}', slug, title, 'published', revision_id, revision_id, published_at, published_at FROM rows RETURNING id),
         revisions AS (
           INSERT INTO content_revisions (id, tenant_id, item_id, number, data)
           SELECT revision_id, tenant_id, item_id, 1, data FROM rows WHERE EXISTS (SELECT 1 FROM items) RETURNING id)
         INSERT INTO published_content (item_id, tenant_id, revision_id, type, slug, title, summary, data, category, published_at, updated_at, activated_at, search)
         SELECT item_id, tenant_id, revision_id, '${type}', slug, title, summary, data, 'Pelayanan', published_at, published_at, published_at,
                setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', summary), 'B')
           FROM rows WHERE EXISTS (SELECT 1 FROM revisions)`,
      values,
    );
  }
}

/**
 * Seeds the benchmark's data straight into the published projection (what publishing produces): one tenant
 * with `newsCount` live news items of about 600 words, and `tenantCount - 1` other tenants with a few each.
 */
export async function seedNews(
  superuserUrl: string,
  tenantCount: number,
  newsCount: number,
): Promise<{ slug: string; tenantId: string; itemSlug: string }> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const tenants: Array<{ id: string; slug: string }> = [];
    for (let index = 0; index < tenantCount; index++) {
      const slug = index === 0 ? 'dinas-bench' : `opd-${index}`;
      const { rows } = await client.query(
        `INSERT INTO tenants (slug, name, short_name, kind) VALUES ($1, $2, $3, 'dinas') RETURNING id, slug`,
        [slug, `Dinas Uji ${index}`, `Uji ${index}`],
      );
      tenants.push(rows[0]);
    }
    for (const [index, tenant] of tenants.entries())
      await insertNews(client, tenant, index === 0 ? newsCount : 20);
    await client.query(`UPDATE tenants SET last_published_at = now(), content_version = 1`);
    await client.query('ANALYZE');
    return { slug: tenants[0]!.slug, tenantId: tenants[0]!.id, itemSlug: `berita-${newsCount - 10}` };
  } finally {
    await client.end();
  }
}
