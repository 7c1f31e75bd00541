import { lstat, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Folders in the sites folder that are not an OPD's site (the portal, host links, staging). */
const NOT_A_SITE = new Set(['portal']);

/**
 * With object storage, a worker's site folders are only a cache: a build starts from the OPD's live build in the
 * bucket whenever this host lacks it (`startFromStore` in apps/site/scripts/site-builder.mjs). Unbounded, a
 * worker that rebuilds a country would keep all 20,000 sites (about 40 GB). After each build, the sites built
 * least recently beyond `maxSites` are removed — never one this worker is building, and a build waits for a
 * removal under way. Every builder writing this folder runs in this worker's process tree, so this process
 * knows every build in progress.
 */
export class LocalSiteCache {
  private readonly building = new Map<string, number>();
  private evicting: Promise<number> | null = null;

  constructor(
    private readonly dir: string,
    private readonly maxSites: number,
  ) {}

  /** Runs one build of `slug`, then trims the cache. */
  async around<T>(slug: string, build: () => Promise<T>): Promise<T> {
    while (this.evicting) await this.evicting;
    this.building.set(slug, (this.building.get(slug) ?? 0) + 1);
    try {
      return await build();
    } finally {
      const left = this.building.get(slug)! - 1;
      if (left) this.building.set(slug, left);
      else this.building.delete(slug);
      await this.trim();
    }
  }

  /**
   * Removes the least recently built sites beyond the limit; answers how many. Never fails: a cache that could
   * not be trimmed now is trimmed after the next build.
   */
  trim(): Promise<number> {
    this.evicting ??= this.removeOldest()
      .catch(() => 0)
      .finally(() => (this.evicting = null));
    return this.evicting;
  }

  private async removeOldest(): Promise<number> {
    const sites = await this.sites();
    const over = sites.length - this.maxSites;
    if (over <= 0) return 0;
    const idle = sites.filter((site) => !this.building.has(site.slug)).sort((a, b) => a.builtAt - b.builtAt);
    const gone = idle.slice(0, over);
    for (const site of gone) await rm(path.join(this.dir, site.slug), { recursive: true, force: true });
    return gone.length;
  }

  /** Each site folder here, with when it last went live on this host (its `live` link's time). */
  private async sites(): Promise<Array<{ slug: string; builtAt: number }>> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    const folders = entries.filter(
      (entry) => entry.isDirectory() && !/^[._]/.test(entry.name) && !NOT_A_SITE.has(entry.name),
    );
    return Promise.all(
      folders.map(async ({ name }) => {
        const folder = path.join(this.dir, name);
        const live = await lstat(path.join(folder, 'live')).catch(() => stat(folder));
        return { slug: name, builtAt: live.mtimeMs };
      }),
    );
  }
}
