import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { type Principal } from '../../core/access/principal';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { MEDIA_STORAGE, type MediaStorage } from '../media/storage/media-storage';
import { EXPORT_MAX_BYTES } from './export-upload.interceptor';
import { indexSource } from './import-plan';
import { ImportJobs } from './import-jobs';
import { type ImportRunRow, ImportRunsRepository } from './import-runs.repository';
import { type ImportFileKeys, StoredImportFiles } from './stored-import-files';
import { UploadsArchive } from './uploads-archive';

/** An import to queue, its files read and found sound (`inspect`). */
export interface CheckedImport {
  tenant: { id: string; slug: string };
  exportPath: string;
  uploadsPath: string | null;
  sourceUrl: string;
  fetchFrom: string | null;
}

/**
 * Queuing imports, for one OPD or many at once: each export (and uploads archive) is read before anything is
 * kept; then the files are stored and every run is recorded with its job in one transaction — all of them, or,
 * when one cannot be (an import already waits for that OPD), none, and no stored file is left behind.
 */
@Injectable()
export class ImportQueueing {
  private readonly runs = new ImportRunsRepository();
  private readonly files: StoredImportFiles;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ImportJobs) private readonly jobs: ImportJobs,
    @Inject(MEDIA_STORAGE) storage: MediaStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.files = new StoredImportFiles(storage, config.media.dir);
  }

  /** Reads the export (as a stream) and opens the archive: a hostile or broken one is refused by its field. */
  async inspect(
    exportFile: { path: string; size: number },
    uploadsPath: string | null,
  ): Promise<{ sourceUrl: string }> {
    if (exportFile.size > EXPORT_MAX_BYTES)
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `Berkas ekspor melebihi ${EXPORT_MAX_BYTES / 1024 / 1024} MB.`,
      );
    const index = await indexSource(createReadStream(exportFile.path));
    if (uploadsPath) (await UploadsArchive.open(uploadsPath)).close();
    return { sourceUrl: index.site.baseUrl };
  }

  async queueAll(actor: Principal, imports: CheckedImport[]): Promise<ImportRunRow[]> {
    const kept: Array<CheckedImport & { id: string; keys: ImportFileKeys }> = [];
    try {
      for (const entry of imports) {
        const id = randomUUID();
        kept.push({
          ...entry,
          id,
          keys: await this.files.keep(entry.tenant.id, id, entry.exportPath, entry.uploadsPath),
        });
      }
      return await this.db.inPlatform(async (manager) => {
        const queued: ImportRunRow[] = [];
        const waiting: string[] = [];
        for (const entry of kept) {
          const tx = await this.db.enterTenant(manager, entry.tenant.id);
          const { id, sourceUrl, fetchFrom, keys } = entry;
          await this.runs.queue(tx, { id, sourceUrl, startedBy: actor.userId, fetchFrom, ...keys });
          if (await this.jobs.send(tx, { tenantId: entry.tenant.id, importId: id }))
            queued.push((await this.runs.find(tx, id))!);
          else waiting.push(entry.tenant.slug);
        }
        if (waiting.length > 0) throw alreadyWaiting(waiting, imports.length);
        return queued;
      });
    } catch (error) {
      for (const entry of kept) await this.files.forget(entry.keys);
      throw error;
    }
  }
}

function alreadyWaiting(slugs: string[], asked: number): DomainError {
  const which = asked === 1 ? 'OPD ini' : `OPD ${slugs.join(', ')}`;
  return new DomainError(
    'IMPORT_ALREADY_QUEUED',
    `Impor untuk ${which} sudah menunggu giliran: tunggu sampai impor itu berjalan${asked === 1 ? '' : ' (tidak ada yang diantrekan)'}`,
  );
}
