import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { requireFile, type UploadedFile } from '../../core/http/single-file-upload';
import { TenantsRepository } from '../tenants/tenants.repository';
import { dryRun, type ImportReport } from './dry-run';

/** Moving an OPD's WordPress site into Laman: first the dry run a platform admin reads before anything is written. */
@Injectable()
export class WordpressImportService {
  private readonly tenants = new TenantsRepository();

  constructor(@Inject(Database) private readonly db: Database) {}

  /** What importing `file` into the OPD would do; the uploaded file is gone afterwards, nothing is written. */
  async dryRun(tenantId: string, file: UploadedFile | undefined): Promise<ImportReport> {
    const upload = requireFile(file);
    try {
      const tenant = await this.db.inPlatform((manager) => this.tenants.findById(manager, tenantId));
      if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 'OPD tidak ditemukan');
      return await dryRun(() => createReadStream(upload.path));
    } finally {
      await rm(upload.path, { force: true });
    }
  }
}
