import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { type Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Principal, type TenantContext } from '../../core/access/principal';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { requireFile, type UploadedFile } from '../../core/http/single-file-upload';
import { MEDIA_STORAGE, type MediaStorage } from '../media/storage/media-storage';
import { type Tenant } from '../tenants/tenant.entity';
import { TenantsRepository } from '../tenants/tenants.repository';
import { UsersRepository } from '../users/users.repository';
import { dryRun, type ImportReport } from './dry-run';
import { indexSource } from './import-plan';
import { type ImportJob, ImportJobs } from './import-jobs';
import { ImportUndo } from './import-undo';
import { ImportQueueing } from './import-queueing';
import { type ImportRun, type ImportSources, WordpressImporter } from './importer';
import { noTotals } from './import-run-totals';
import { type ImportRunRow, ImportRunsRepository } from './import-runs.repository';
import { StoredImportFiles } from './stored-import-files';
import { UploadsArchive } from './uploads-archive';
import { UploadsFetcher } from './uploads-fetcher';

/** Runs an OPD's import page lists. */
const RUNS_LISTED = 20;

/**
 * Moving an OPD's WordPress site into Laman: the dry run a platform admin reads first; the import, queued (its
 * files kept in object storage until it is done, so any process that does background work can run it and a
 * run that stops resumes) or run at once by the command; and the runs' progress and reports.
 */
@Injectable()
export class WordpressImportService {
  private readonly logger = new Logger('WordpressImport');
  private readonly tenants = new TenantsRepository();
  private readonly users = new UsersRepository();
  private readonly runs = new ImportRunsRepository();
  private readonly files: StoredImportFiles;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(WordpressImporter) private readonly importer: WordpressImporter,
    @Inject(ImportJobs) private readonly jobs: ImportJobs,
    @Inject(ImportUndo) private readonly undoer: ImportUndo,
    @Inject(ImportQueueing) private readonly queueing: ImportQueueing,
    @Inject(MEDIA_STORAGE) storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.files = new StoredImportFiles(storage, config.media.dir);
    jobs.handle((job) => this.runQueued(job));
  }

  /** What importing `file` into the OPD would do; the uploaded file is gone afterwards, nothing is written. */
  async dryRun(tenantId: string, file: UploadedFile | undefined): Promise<ImportReport> {
    const upload = requireFile(file);
    try {
      await this.tenantOf(tenantId);
      return await dryRun(() => createReadStream(upload.path));
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /**
   * Queues the import of an export (and the archive of the old uploads) into the OPD: both are read first — a
   * hostile or broken file is refused by its field and nothing is kept — then stored, and the run recorded with
   * its job in one transaction. The uploaded files are gone from this process's disk afterwards.
   */
  async queue(
    tenantId: string,
    actor: Principal,
    exportFile: UploadedFile | undefined,
    uploadsFile: UploadedFile | undefined,
    fetchFrom: string | null = null,
  ): Promise<ImportRunRow> {
    const upload = requireFile(exportFile);
    try {
      if (fetchFrom) this.assertFetchAllowed('fetchFrom');
      const tenant = await this.tenantOf(tenantId);
      const uploadsPath = uploadsFile?.path ?? null;
      const { sourceUrl } = await this.queueing.inspect(upload, uploadsPath);
      const [run] = await this.queueing.queueAll(actor, [
        { tenant, exportPath: upload.path, uploadsPath, sourceUrl, fetchFrom },
      ]);
      return run!;
    } finally {
      await rm(upload.path, { force: true });
      if (uploadsFile) await rm(uploadsFile.path, { force: true });
    }
  }

  /** Refused (422, by the field that asked) unless the platform allows fetching files from old sites. */
  assertFetchAllowed(field: string): void {
    if (!this.config.wordpressFetch.enabled)
      throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        fieldError(
          field,
          'fetchDisabled',
          `${field}: mengambil berkas dari situs lama tidak diaktifkan di platform ini`,
        ),
      ]);
  }

  /**
   * A queued import, run by the process that took its job; run again (the job is retried, or taken up after a
   * process died), it resumes where it stopped. A run that cannot start — its starter no longer an active
   * platform admin — is recorded as failed with the reason and not tried again.
   */
  async runQueued(job: ImportJob): Promise<void> {
    const found = await this.db.inTenant(job.tenantId, (tx) => this.runs.find(tx, job.importId));
    if (!found || !found.exportKey || found.status === 'done' || found.status === 'undone') return;
    let context: TenantContext;
    try {
      context = await this.contextOf(job.tenantId, await this.starterOf(found));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.db.inTenant(job.tenantId, (tx) =>
        this.runs.finish(tx, job.importId, {
          status: 'failed',
          totals: noTotals(),
          report: [],
          error: error.message,
        }),
      );
      return;
    }
    await this.db.inTenant(job.tenantId, (tx) => this.runs.running(tx, job.importId));
    const keys = { exportKey: found.exportKey, uploadsKey: found.uploadsKey };
    const local = await this.files.fetch(keys);
    try {
      const archive = local.uploads ? await UploadsArchive.open(local.uploads) : undefined;
      try {
        const fetch =
          found.fetchFrom && this.config.wordpressFetch.enabled
            ? { fetcher: new UploadsFetcher(this.config.wordpressFetch), from: found.fetchFrom }
            : undefined;
        await this.record(context, job.importId, () => createReadStream(local.export), { archive, fetch });
      } finally {
        archive?.close();
      }
      await this.files.forget(keys);
    } finally {
      await local.remove();
    }
  }

  /** Imports at once (the command, and the tests): the run is recorded like a queued one. */
  async importInto(
    tenantId: string,
    actor: Principal,
    open: () => Readable,
    sources: ImportSources = {},
  ): Promise<ImportRun> {
    const context = await this.contextOf(tenantId, actor);
    const index = await indexSource(open());
    const importId = await this.db.inTenant(tenantId, (tx) =>
      this.runs.start(tx, index.site.baseUrl, actor.userId),
    );
    return this.record(context, importId, open, sources);
  }

  async list(tenantId: string): Promise<ImportRunRow[]> {
    const tenant = await this.tenantOf(tenantId);
    return this.db.inTenant(tenant.id, (tx) => this.runs.latest(tx, RUNS_LISTED));
  }

  async get(tenantId: string, importId: string): Promise<ImportRunRow> {
    const tenant = await this.tenantOf(tenantId);
    const run = await this.db.inTenant(tenant.id, (tx) => this.runs.find(tx, importId));
    if (!run) throw new DomainError('IMPORT_NOT_FOUND', 'Impor tidak ditemukan');
    return run;
  }

  /** Undoes everything the OPD's import from that site brought in, while none of it was edited since. */
  async undo(tenantId: string, importId: string, actor: Principal): Promise<ImportRunRow> {
    const run = await this.get(tenantId, importId);
    await this.undoer.undo(await this.contextOf(tenantId, actor), run);
    return this.get(tenantId, importId);
  }

  /** Runs the import, keeping its progress and, at the end, its totals and report. */
  private async record(
    context: TenantContext,
    importId: string,
    open: () => Readable,
    sources: ImportSources,
  ): Promise<ImportRun> {
    const inTenant = this.db.inTenant.bind(this.db, context.tenantId);
    try {
      const run = await this.importer.run(context, importId, open, sources, (current, done, total) =>
        inTenant((tx) => this.runs.progress(tx, importId, current.totals, { done, total })),
      );
      await inTenant((tx) =>
        this.runs.finish(tx, importId, { status: 'done', totals: run.totals, report: run.noted }),
      );
      return run;
    } catch (error) {
      this.logger.error({ err: error, importId }, 'Import failed');
      const reason =
        error instanceof DomainError ? error.message : 'Kesalahan sistem; impor akan dicoba lagi';
      await inTenant(async (tx) => {
        const current = await this.runs.find(tx, importId);
        await this.runs.finish(tx, importId, {
          status: 'failed',
          totals: { ...noTotals(), ...current?.totals },
          report: current?.report ?? [],
          error: reason,
        });
      });
      throw error;
    }
  }

  /** Who started a queued import, still a platform admin (a run does not outlive its starter's rights). */
  private async starterOf(run: ImportRunRow): Promise<Principal> {
    const user = run.startedBy
      ? await this.db.inPlatform((manager) => this.users.findById(manager, run.startedBy!))
      : null;
    if (!user || user.status !== 'active' || user.platformRole !== 'platform_admin')
      throw new DomainError('FORBIDDEN', 'Yang memulai impor ini bukan lagi admin platform yang aktif');
    return {
      userId: user.id,
      sessionId: 'wordpress-import',
      email: user.email,
      name: user.name,
      platformRole: user.platformRole,
    };
  }

  /** The OPD, with the import's actor acting as its admin (the audit log names them on every item). */
  private async contextOf(tenantId: string, actor: Principal): Promise<TenantContext> {
    const tenant = await this.tenantOf(tenantId);
    return {
      tenantId: tenant.id,
      slug: tenant.slug,
      status: tenant.status,
      role: 'tenant_admin',
      duties: [],
      actor,
    };
  }

  private async tenantOf(tenantId: string): Promise<Tenant> {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
    return tenant;
  }
}
