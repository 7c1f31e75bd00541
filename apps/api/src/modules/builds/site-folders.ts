import { existsSync } from 'node:fs';
import { rename, symlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * The built sites on disk: `<dir>/<slug>/builds/<output>/` (the last few kept) and `<dir>/<slug>/live`, a
 * symlink to one of them. The site builder (apps/site/scripts/build-site.mjs) writes the same layout.
 */
export class SiteFolders {
  constructor(private readonly dir: string) {}

  isKept(slug: string, output: string): boolean {
    return /^\d+$/.test(output) && existsSync(path.join(this.dir, slug, 'builds', output, 'index.html'));
  }

  /** Points `live` at a kept build with rename(2), so readers see the old site or the new one, never neither. */
  async makeLive(slug: string, output: string): Promise<void> {
    const tenantDir = path.join(this.dir, slug);
    const next = path.join(tenantDir, `live.rollback.${process.pid}.${Date.now()}`);
    await symlink(path.join('builds', output), next);
    await rename(next, path.join(tenantDir, 'live'));
  }
}
