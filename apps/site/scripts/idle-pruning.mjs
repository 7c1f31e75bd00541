// A warm builder deletes old builds when it is idle, not right after each build. Deleting a 5,000-page build
// is thousands of unlink and rmdir calls on the same file system journal as the next build's links and
// folders: measured in a burst of publishes at 5,000 news items, deleting after every build made publish-to-live
// p50 2.65 s, deleting when idle 1.84 s. A builder that never idles still keeps the disk bounded: past
// `most` builds of one OPD, it deletes at once.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const IDLE_MS = 3_000;

export class IdlePruning {
  /**
   * @param {(tenantDir: string) => Promise<void>} prune deletes the old builds of one site
   * @param {number} most the builds of one site kept before deleting without waiting for idle
   */
  constructor(prune, most, idleMs = IDLE_MS) {
    this.prune = prune;
    this.most = most;
    this.idleMs = idleMs;
    this.running = 0;
    this.waiting = new Set();
    this.timer = null;
  }

  /** A build starts: deleting waits until it and every other build have finished. */
  started() {
    this.running++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A build of the site in `tenantDir` finished (live, held or failed). */
  async finished(tenantDir) {
    this.running--;
    this.waiting.add(tenantDir);
    const builds = await readdir(path.join(tenantDir, 'builds')).catch(() => []);
    if (builds.length > this.most) await this.pruneNow(tenantDir);
    if (this.running === 0 && !this.timer && this.waiting.size > 0)
      this.timer = setTimeout(() => void this.flush(), this.idleMs).unref();
  }

  /** Deletes what waits (the timer fired with no build running). */
  async flush() {
    this.timer = null;
    for (const tenantDir of [...this.waiting]) {
      if (this.running > 0) return;
      await this.pruneNow(tenantDir);
    }
  }

  async pruneNow(tenantDir) {
    this.waiting.delete(tenantDir);
    await this.prune(tenantDir).catch(() => undefined);
  }
}
