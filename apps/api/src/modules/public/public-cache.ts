import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';

export interface CachedResponse {
  body: string;
  etag: string;
  lastModified: string | null;
}

/**
 * Rendered public responses, keyed by the tenant's public content version (read fresh on every request).
 * Every change the public can see bumps that version in the same transaction as its site-change event, so a
 * publish or unpublish makes the old entries unreachable at once, on every API instance. Entries also expire
 * after 30 s, which bounds how long an announcement can stay listed after its end before the scheduler's
 * sweep notices it.
 */
@Injectable()
export class PublicCache {
  private readonly entries: LRUCache<string, CachedResponse> | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Bounded by count and by bytes: one OPD's snapshot can be megabytes.
    this.entries =
      config.publicCacheEntries > 0
        ? new LRUCache({
            max: config.publicCacheEntries,
            maxSize: 256 * 1024 * 1024,
            sizeCalculation: (entry: CachedResponse) => Math.max(1, entry.body.length),
            ttl: 30_000,
          })
        : null;
  }

  async getOrCompute(
    key: string,
    lastModified: Date | null,
    compute: () => Promise<unknown>,
  ): Promise<CachedResponse> {
    const hit = this.entries?.get(key);
    if (hit) return hit;
    const body = JSON.stringify(await compute());
    const entry: CachedResponse = {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      lastModified: lastModified ? lastModified.toUTCString() : null,
    };
    this.entries?.set(key, entry);
    return entry;
  }
}
