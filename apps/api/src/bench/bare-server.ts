import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The practical limit the benchmark compares against: plain Node HTTP and `pg`, one indexed query per
 * request, the same rows and fields as the API's public list and item responses, no framework, no cache.
 */
const [, , databaseUrl, port, tenantId] = process.argv;
const pool = new Pool({ connectionString: databaseUrl, max: 10 });
const COLUMNS = `type, slug, title, summary, category, tags, year, starts_at AS "startsAt", ends_at AS "endsAt",
  valid_from AS "validFrom", valid_until AS "validUntil", urgent, headline, published_at AS "publishedAt",
  updated_at AS "updatedAt", data AS fields`;

createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  try {
    if (url.pathname === '/list') {
      const { rows } = await pool.query(
        `SELECT ${COLUMNS} FROM published_content WHERE tenant_id = $1 AND type = 'berita' ORDER BY published_at DESC LIMIT 20`,
        [tenantId],
      );
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: rows }));
      return;
    }
    const { rows } = await pool.query(
      `SELECT ${COLUMNS} FROM published_content WHERE tenant_id = $1 AND type = 'berita' AND slug = $2`,
      [tenantId, url.searchParams.get('slug')],
    );
    response
      .writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(rows[0] ?? {}));
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
