import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Database } from '../../core/database/database.service';
import { SiteChangeNotifier } from '../../core/database/site-change-notifier';
import { DomainError } from '../../core/errors/domain-error';

export interface PublicTenant {
  id: string;
  slug: string;
  former_slugs: string[];
  name: string;
  short_name: string;
  kind: string;
  custom_domain: string | null;
  content_version: string;
  last_published_at: Date | null;
}

/** A safety net only: every change clears the cache at once (see below). */
const KEEP_MS = 30_000;

/**
 * Active tenants by slug (or a former slug) with their public content version: the version is the key of every
 * cached public answer. Kept in memory while this instance hears every change (SiteChangeNotifier's LISTEN),
 * so a cached public answer needs no query at all; every change clears the whole cache, here at commit and on
 * other instances when PostgreSQL delivers the notification (after the commit is visible).
 *
 * The race that made an earlier version of this cache serve stale answers: a read that began before a commit
 * returns the old row *after* the change notification cleared the cache, and stored it again, stale until
 * the next change. Each read therefore notes the change generation when it starts and stores its row only if no
 * change arrived meanwhile. Unknown slugs are not cached (a new OPD appears without a notification).
 */
@Injectable()
export class PublicTenants {
  /** Bumped on every change to any tenant: the key of the OPD list's cache, and the guard above. */
  private generation = 0;
  private readonly bySlug = new LRUCache<string, PublicTenant>({ max: 50_000, ttl: KEEP_MS });

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SiteChangeNotifier) private readonly notifier: SiteChangeNotifier,
  ) {
    notifier.subscribe(() => {
      this.generation++;
      this.bySlug.clear();
    });
  }

  async active(slug: string): Promise<PublicTenant> {
    const tenant = await this.activeOrNull(slug);
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', `Situs OPD "${slug}" tidak ditemukan`);
    return tenant;
  }

  /**
   * What every city-wide answer is keyed by: a digest of each active OPD's id, public content version and every
   * field the directory shows (computed in the database, one short row however many OPDs there are), and the
   * latest publish. It is the database's state alone — no per-process counter — so every replica gives a
   * client paging the directory the same version, and it moves only when something listed changed.
   */
  async cityVersion(): Promise<{ key: string; lastPublished: Date | null }> {
    const [row] = (await this.db.platformQuery(
      `SELECT md5(coalesce(string_agg(
                concat_ws(':', id, content_version, slug, name, short_name, kind, custom_domain, last_published_at),
                ',' ORDER BY id), '')) AS key,
              max(last_published_at) AS "lastPublished"
         FROM tenants WHERE status = 'active'`,
    )) as Array<{ key: string; lastPublished: Date | null }>;
    return { key: row!.key, lastPublished: row!.lastPublished };
  }

  /** Every active OPD, by name. */
  allActive(): Promise<PublicTenant[]> {
    return this.db.platformQuery(
      `SELECT id, slug, former_slugs, name, short_name, kind, custom_domain, content_version, last_published_at
         FROM tenants WHERE status = 'active' ORDER BY name`,
    );
  }

  /** By its slug or a former one (a renamed OPD keeps its old addresses). */
  async activeOrNull(slug: string): Promise<PublicTenant | null> {
    const cached = this.notifier.hearsEveryChange ? this.bySlug.get(slug) : undefined;
    if (cached) return cached;
    const startedAt = this.generation;
    const rows: PublicTenant[] = await this.db.platformQuery(
      `SELECT id, slug, former_slugs, name, short_name, kind, custom_domain, content_version, last_published_at
         FROM tenants WHERE (slug = $1 OR $1 = ANY(former_slugs)) AND status = 'active'`,
      [slug],
    );
    const tenant = rows[0] ?? null;
    if (tenant && startedAt === this.generation && this.notifier.hearsEveryChange)
      this.bySlug.set(slug, tenant);
    return tenant;
  }

  /** The active OPD whose custom domain this is. */
  async activeByDomain(domain: string): Promise<PublicTenant | null> {
    const rows: PublicTenant[] = await this.db.platformQuery(
      `SELECT id, slug, former_slugs, name, short_name, kind, custom_domain, content_version, last_published_at
         FROM tenants WHERE custom_domain = $1 AND status = 'active'`,
      [domain],
    );
    return rows[0] ?? null;
  }

  get directoryGeneration(): number {
    return this.generation;
  }
}
