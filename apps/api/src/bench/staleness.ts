import autocannon from 'autocannon';
import { Client } from 'pg';

/**
 * How stale can a public answer be on API instances that did not make the change? A writer commits a new
 * title for one item every `everyMs` — in one transaction with the version bump and the NOTIFY, as publishing
 * does — while readers keep asking every instance for that item and a load generator keeps them busy. A reply
 * is stale by (its request's start − the commit of the first title newer than the one it shows), when that
 * commit came first. Commit times are taken when COMMIT is sent, so the figure errs on the high side.
 */
export interface Staleness {
  /** Worst staleness seen, per instance, in ms (0: never stale). */
  worstMs: number[];
  replies: number;
  changes: number;
}

const MARK = 'Penanda kesegaran ';

export async function measureStaleness(options: {
  superuserUrl: string;
  tenantId: string;
  itemSlug: string;
  itemUrls: string[];
  loadUrls: string[];
  changes: number;
  everyMs: number;
}): Promise<Staleness> {
  const writer = new Client({ connectionString: options.superuserUrl });
  await writer.connect();
  const committedAt: number[] = [];
  const replies = options.itemUrls.map(() => [] as Array<{ startedAt: number; mark: number }>);
  let reading = true;
  const readers = options.itemUrls.flatMap((url, instance) =>
    Array.from({ length: 4 }, async () => {
      while (reading) {
        const startedAt = performance.now();
        const body = (await (await fetch(url)).json()) as { title?: string };
        const mark = body.title?.startsWith(MARK) ? Number(body.title.slice(MARK.length)) : -1;
        replies[instance]!.push({ startedAt, mark });
      }
    }),
  );
  const load = options.loadUrls.map((url) =>
    autocannon({ url, connections: 8, duration: (options.changes * options.everyMs) / 1000 + 1 }),
  );
  try {
    for (let mark = 0; mark < options.changes; mark++) {
      await writer.query('BEGIN');
      await writer.query(
        `UPDATE published_content SET title = $1 WHERE tenant_id = $2 AND type = 'berita' AND slug = $3`,
        [`${MARK}${mark}`, options.tenantId, options.itemSlug],
      );
      await writer.query(`UPDATE tenants SET content_version = content_version + 1 WHERE id = $1`, [
        options.tenantId,
      ]);
      await writer.query(`SELECT pg_notify('laman_site_changes', $1)`, [options.tenantId]);
      committedAt[mark] = performance.now();
      await writer.query('COMMIT');
      await new Promise((resolve) => setTimeout(resolve, options.everyMs));
    }
  } finally {
    reading = false;
    await Promise.all([...readers, ...load]);
    await writer.end();
  }
  const worstMs = replies.map((seen) =>
    Math.round(
      Math.max(
        0,
        ...seen.map(({ startedAt, mark }) => {
          const newer = committedAt[mark + 1];
          return newer !== undefined && newer < startedAt ? startedAt - newer : 0;
        }),
      ),
    ),
  );
  return { worstMs, replies: replies.flat().length, changes: options.changes };
}
