import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { type MediaStorage } from './media-storage';

const SAFE_KEY = /^[\w-]+(\/[\w.-]+)+$/;

/** Files under one folder (default `.data/media`, git-ignored). Keys are generated, never user input. */
export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly root: string) {}

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

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.pathOf(key), { force: true })));
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
