import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { type MediaStorage } from './media-storage';

const SAFE_KEY = /^[\w-]+(\/[\w.-]+)+$/;

/** Files under one folder (default `.data/media`, git-ignored). Keys are generated, never user input. */
export class LocalDiskStorage implements MediaStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async putFile(key: string, source: string, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    // Copy then rename: a reader never sees half a file.
    await copyFile(source, partial);
    await rename(partial, target);
  }

  async read(key: string): Promise<{ stream: Readable; bytes: number } | null> {
    const file = this.pathOf(key);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    return { stream: createReadStream(file), bytes: info.size };
  }

  /** Removes the files, then every folder they leave empty (a refused upload leaves nothing behind). */
  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.pathOf(key), { force: true })));
    const folders = new Set(keys.map((key) => path.dirname(this.pathOf(key))));
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) await this.pruneEmpty(folder);
  }

  /** Walks up from a folder, removing it while it is empty, never above the storage root. */
  private async pruneEmpty(folder: string): Promise<void> {
    for (let current = folder; current.startsWith(this.root + path.sep); current = path.dirname(current)) {
      const entries = await readdir(current).catch(() => null);
      if (entries === null) continue;
      if (entries.length > 0) return;
      await rmdir(current).catch(() => undefined);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.pathOf(prefix.replace(/\/$/, '') + '/x').replace(/\/x$/, '');
    const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
      );
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`Unsafe storage key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }
}
