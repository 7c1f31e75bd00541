import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { type Principal } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { DomainError, type FieldError, fieldError } from '../../core/errors/domain-error';
import { type UploadedFile } from '../../core/http/single-file-upload';
import { TenantsRepository } from '../tenants/tenants.repository';
import { fieldOf, groupBatch, type OpdFiles } from './import-batch';
import {
  ImportOverviewRepository,
  type OverviewFilter,
  type OverviewRow,
} from './import-overview.repository';
import { type CheckedImport, ImportQueueing } from './import-queueing';
import { type ImportRunRow } from './import-runs.repository';
import { WordpressImportService } from './wordpress-import.service';

/** One OPD of a checked batch: the OPD, and its import ready to queue or run. */
export interface CheckedBatchEntry {
  tenant: OverviewRow['tenant'];
  queued: CheckedImport;
}

/**
 * Moving a whole city's old sites in: imports for many OPDs queued in one request (the same checks and the same
 * queue as one OPD's; the queue runs them one after another), and the city-wide view to follow them in.
 */
@Injectable()
export class CityImportsService {
  private readonly overviewRows = new ImportOverviewRepository();
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ImportQueueing) private readonly queueing: ImportQueueing,
    @Inject(WordpressImportService) private readonly imports: WordpressImportService,
  ) {}

  overview(filter: OverviewFilter): ReturnType<ImportOverviewRepository['page']> {
    return this.db.inPlatform((manager) => this.overviewRows.page(manager, filter));
  }

  /**
   * Queues an import for each OPD a file names (`<slug>.xml`, with `<slug>.zip` for its uploads): all of them, or
   * none (`checkBatch`). With `fetchUploads`, each import fetches what its archive lacks from its own old site
   * (where the platform allows). The uploaded files are gone from this process's disk afterwards.
   */
  async queueMany(
    actor: Principal,
    files: UploadedFile[],
    fetchUploads: boolean,
  ): Promise<Array<{ tenant: OverviewRow['tenant']; run: ImportRunRow }>> {
    try {
      const checked = await this.checkBatch(files, fetchUploads);
      const runs = await this.queueing.queueAll(
        actor,
        checked.map((entry) => entry.queued),
      );
      return runs.map((run, index) => ({ tenant: checked[index]!.tenant, run }));
    } finally {
      await Promise.all(files.map((file) => rm(file.path, { force: true })));
    }
  }

  /**
   * Every file of a batch read and its OPD found, before anything is written: the OPDs' imports in the order of
   * their files, or every refusal together, each by the file's name (UNPROCESSABLE_FILE). Leaves the files.
   */
  async checkBatch(files: UploadedFile[], fetchUploads: boolean): Promise<CheckedBatchEntry[]> {
    if (files.length === 0)
      throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        fieldError('files', 'isDefined', 'files wajib diisi: berkas ekspor <slug-opd>.xml, satu atau lebih'),
      ]);
    if (fetchUploads) this.imports.assertFetchAllowed('fetchUploads');
    const { groups, errors } = groupBatch(files);
    const checked = await this.check(groups, errors, fetchUploads);
    if (errors.length > 0)
      throw new DomainError(
        'UNPROCESSABLE_FILE',
        `${errors.length} berkas ditolak (alasannya per berkas); tidak ada impor yang diantrekan`,
        errors,
      );
    return checked;
  }

  /** Each group's OPD found and files read; what is refused is added to `errors`. */
  private async check(
    groups: OpdFiles[],
    errors: FieldError[],
    fetchUploads: boolean,
  ): Promise<CheckedBatchEntry[]> {
    const slugs = groups.map((group) => group.slug);
    const found = await this.db.inPlatform((manager) => this.tenants.findActiveBySlugs(manager, slugs));
    const bySlug = new Map(found.map((tenant) => [tenant.slug, tenant]));
    const checked: CheckedBatchEntry[] = [];
    for (const group of groups) {
      const tenant = bySlug.get(group.slug);
      const field = fieldOf(group.exportFile);
      if (!tenant) {
        errors.push(
          fieldError(field, 'unknownOpd', `${field}: tidak ada OPD aktif dengan slug ${group.slug}`),
        );
        continue;
      }
      try {
        const uploadsPath = group.uploads?.path ?? null;
        const { sourceUrl } = await this.queueing.inspect(group.exportFile, uploadsPath);
        const { id, slug, name } = tenant;
        const fetchFrom = fetchUploads ? sourceUrl : null;
        checked.push({
          tenant: { id, slug, name },
          queued: { tenant, exportPath: group.exportFile.path, uploadsPath, sourceUrl, fetchFrom },
        });
      } catch (error) {
        errors.push(...refusalsOf(error, group));
      }
    }
    return checked;
  }
}

/** A file's refusal, reported under that file's name (`file` is the export, `uploads` the archive). */
function refusalsOf(error: unknown, group: OpdFiles): FieldError[] {
  if (!(error instanceof DomainError)) throw error;
  const fieldFor = (field: string) =>
    fieldOf(field === 'uploads' && group.uploads ? group.uploads : group.exportFile);
  if (error.details.length === 0) {
    const field = fieldOf(group.exportFile);
    const constraint = error.code === 'PAYLOAD_TOO_LARGE' ? 'fieldTooLarge' : 'unreadable';
    return [fieldError(field, constraint, `${field}: ${error.message}`)];
  }
  return error.details.map((detail) =>
    fieldError(
      fieldFor(detail.field),
      detail.constraint,
      `${fieldFor(detail.field)}: ${detail.message}`,
      detail.args,
    ),
  );
}
