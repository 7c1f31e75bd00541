import { existsSync } from 'node:fs';
import { mkdir, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type EntityManager } from 'typeorm';
import { type LiveSites } from './live-sites';

/** The page a suspended OPD's site answers every address with (HTTP 503), found by nginx and the sites server. */
export const SUSPENDED_PAGE = '.laman-suspended.html';

/**
 * The built sites on disk: `<dir>/<slug>/builds/<output>/` (the last few kept) and `<dir>/<slug>/live`, a
 * symlink to one of them. The site builder (apps/site/scripts/build-site.mjs) writes the same layout. While an
 * OPD is suspended, `live` points at `<dir>/<slug>/suspended/` (one page) and `live.resume` remembers the build
 * it pointed at, which reactivation puts back.
 */
export class SiteFolders implements LiveSites {
  constructor(private readonly dir: string) {}

  async keptBuilds(_manager: EntityManager, slug: string): Promise<Set<string>> {
    const builds = await readdir(path.join(this.dir, slug, 'builds')).catch(() => []);
    return new Set(builds.filter((output) => this.isKept(slug, output)));
  }

  /**
   * Points `live` at a kept build with rename(2), so readers see the old site or the new one, never neither.
   * While suspended, the build becomes what reactivation brings back: the site stays down.
   */
  async makeLive(_manager: EntityManager, slug: string, output: string): Promise<void> {
    const tenantDir = path.join(this.dir, slug);
    const suspended = (await readlink(path.join(tenantDir, 'live')).catch(() => null)) === 'suspended';
    if (suspended) await this.relink(tenantDir, path.join('builds', output), 'live.resume');
    else await this.pointLive(slug, path.join('builds', output));
  }

  /** Takes the site down at once: every address answers the suspension page (503) until `resume`. */
  async suspend(_manager: EntityManager, slug: string, page: string): Promise<void> {
    const tenantDir = path.join(this.dir, slug);
    const folder = path.join(tenantDir, 'suspended');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, SUSPENDED_PAGE), page);
    const current = await readlink(path.join(tenantDir, 'live')).catch(() => null);
    if (current && current !== 'suspended') await this.relink(tenantDir, current, 'live.resume');
    await this.pointLive(slug, 'suspended');
  }

  /** Brings back the build that was live when the site was suspended (or leaves the next build to do it). */
  async resume(_manager: EntityManager, slug: string): Promise<void> {
    const tenantDir = path.join(this.dir, slug);
    const previous = await readlink(path.join(tenantDir, 'live.resume')).catch(() => null);
    if (previous) await this.pointLive(slug, previous);
    else if ((await readlink(path.join(tenantDir, 'live')).catch(() => null)) === 'suspended')
      await rm(path.join(tenantDir, 'live'), { force: true });
    await rm(path.join(tenantDir, 'live.resume'), { force: true });
    await rm(path.join(tenantDir, 'suspended'), { recursive: true, force: true });
  }

  private isKept(slug: string, output: string): boolean {
    return /^\d+$/.test(output) && existsSync(path.join(this.dir, slug, 'builds', output, 'index.html'));
  }

  private async pointLive(slug: string, target: string): Promise<void> {
    const tenantDir = path.join(this.dir, slug);
    await mkdir(tenantDir, { recursive: true });
    await this.relink(tenantDir, target, 'live');
  }

  private async relink(tenantDir: string, target: string, name: string): Promise<void> {
    const next = path.join(tenantDir, `${name}.next.${process.pid}.${Date.now()}`);
    await symlink(target, next);
    await rename(next, path.join(tenantDir, name));
  }
}
