import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { type Principal, type TenantContext } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { requireFile, type UploadedFile } from '../../core/http/single-file-upload';
import { TenantsRepository } from '../tenants/tenants.repository';
import { dryRun, type ImportReport } from './dry-run';
import { type ImportRun, type ImportSources, WordpressImporter } from './importer';

/** Moving an OPD's WordPress site into Laman: the dry run a platform admin reads first, then the import. */
@Injectable()
export class WordpressImportService {
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(WordpressImporter) private readonly importer: WordpressImporter,
  ) {}

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
   * Imports the export `open` reads into the OPD, as `actor` (a platform admin, acting as the OPD's admin: the
   * audit log names them on every item).
   */
  async importInto(
    tenantId: string,
    actor: Principal,
    open: () => Readable,
    sources: ImportSources = {},
  ): Promise<ImportRun> {
    const tenant = await this.tenantOf(tenantId);
    const context: TenantContext = {
      tenantId: tenant.id,
      slug: tenant.slug,
      status: tenant.status,
      role: 'tenant_admin',
      duties: [],
      actor,
    };
    return this.importer.run(context, open, sources);
  }

  private async tenantOf(tenantId: string) {
    const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
    return tenant;
  }
}
