import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type MediaStorage } from '../media/storage/media-storage';

export interface ImportFileKeys {
  exportKey: string;
  uploadsKey: string | null;
}

/**
 * A queued import's files, kept in the media storage (object storage in production, so whichever process
 * takes the job finds them) until the run is done, under keys no media row names — never served. The
 * process that runs the import copies them to its own disk: the archive is read by random access.
 */
export class StoredImportFiles {
  constructor(
    private readonly storage: MediaStorage,
    private readonly workDir: string,
  ) {}

  async keep(
    tenantId: string,
    importId: string,
    exportPath: string,
    uploadsPath: string | null,
  ): Promise<ImportFileKeys> {
    const prefix = `wordpress-imports/${tenantId}/${importId}`;
    const keys = {
      exportKey: `${prefix}/export.xml`,
      uploadsKey: uploadsPath ? `${prefix}/uploads.zip` : null,
    };
    try {
      await this.storage.putFile(keys.exportKey, exportPath, 'application/xml');
      if (uploadsPath) await this.storage.putFile(keys.uploadsKey!, uploadsPath, 'application/zip');
      return keys;
    } catch (error) {
      await this.forget(keys);
      throw error;
    }
  }

  /** Copies of the files on this process's disk, and how to remove them. */
  async fetch(
    keys: ImportFileKeys,
  ): Promise<{ export: string; uploads: string | null; remove(): Promise<void> }> {
    const folder = path.join(this.workDir, 'imports', randomBytes(8).toString('hex'));
    await mkdir(folder, { recursive: true });
    const remove = () => rm(folder, { recursive: true, force: true });
    try {
      const exportFile = await this.copy(keys.exportKey, path.join(folder, 'export.xml'));
      const uploads = keys.uploadsKey
        ? await this.copy(keys.uploadsKey, path.join(folder, 'uploads.zip'))
        : null;
      return { export: exportFile, uploads, remove };
    } catch (error) {
      await remove();
      throw error;
    }
  }

  async forget(keys: ImportFileKeys): Promise<void> {
    await this.storage.delete([keys.exportKey, ...(keys.uploadsKey ? [keys.uploadsKey] : [])]);
  }

  private async copy(key: string, to: string): Promise<string> {
    const stored = await this.storage.read(key);
    if (!stored) throw new Error(`The import's file ${key} is not in storage`);
    await pipeline(stored.stream, createWriteStream(to));
    return to;
  }
}
