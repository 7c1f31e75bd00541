import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { type Principal } from '../core/access/principal';
import { Database } from '../core/database/database.service';
import { DomainError } from '../core/errors/domain-error';
import { TenantsRepository } from '../modules/tenants/tenants.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { CityImportsService } from '../modules/wordpress-import/city-imports.service';
import { type ImportRun } from '../modules/wordpress-import/importer';
import { UploadsArchive } from '../modules/wordpress-import/uploads-archive';
import { WordpressImportService } from '../modules/wordpress-import/wordpress-import.service';
import { runCommand } from './local-runtime';

/**
 * Imports an OPD's old WordPress site from files on this machine (an uploads archive too large to send through
 * the admin, or a scripted migration): `pnpm wordpress-import --opd dishub --as admin@kota.go.id ekspor.xml
 * --uploads uploads.zip`. Or many OPDs' sites from one folder, each file named by its OPD (`dishub.xml`,
 * `dishub.zip`): `pnpm wordpress-import --as admin@kota.go.id --folder ekspor/` — every file is checked first (as
 * the admin's batch is), then the OPDs are imported one after another. The same import as the admin's — through
 * the editor's rules, recorded as a run of the OPD's (its history and undo in the admin), resumable and
 * idempotent — run here at once, as the platform admin named (the audit log names them). Prints what it counted
 * and what needs a look.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    opd: { type: 'string' },
    as: { type: 'string' },
    uploads: { type: 'string' },
    folder: { type: 'string' },
  },
});

const USAGE = [
  'Pakai: pnpm wordpress-import --opd <slug OPD> --as <email admin platform> <berkas-ekspor.xml> [--uploads <uploads.zip>]',
  '   or: pnpm wordpress-import --as <email admin platform> --folder <folder berisi <slug>.xml dan <slug>.zip>',
].join('\n');

function summary(run: ImportRun): string {
  const { totals } = run;
  const lines = [
    `Baru ${totals.created} · Diperbarui ${totals.updated} · Tidak berubah ${totals.unchanged} · ` +
      `Versi Laman dipertahankan ${totals.keptEdited} · Masuk sebagai draf ${totals.held} · Gagal ${totals.failed} · ` +
      `Dilewati ${totals.skipped}`,
  ];
  const noted = run.noted.filter((entry) => entry.outcome !== 'skipped');
  if (noted.length) lines.push('', `Catatan (${noted.length}):`);
  for (const entry of noted.slice(0, 30))
    lines.push(`  - ${entry.title || `ID ${entry.sourceId}`} (${entry.outcome}): ${entry.notes.join('; ')}`);
  if (noted.length > 30)
    lines.push(`  … dan ${noted.length - 30} lagi (laporan lengkap di admin: impor WordPress)`);
  return lines.join('\n');
}

runCommand(async (config) => {
  const single = positionals.length === 1 && values.opd && !values.folder;
  const batch = positionals.length === 0 && values.folder && !values.opd && !values.uploads;
  if (!values.as || (!single && !batch)) throw new Error(USAGE);
  const sources = single ? [positionals[0]!, ...(values.uploads ? [values.uploads] : [])] : [values.folder!];
  for (const source of sources)
    await access(source).catch(() => {
      throw new Error(`Berkas tidak ditemukan: ${source}`);
    });
  // This process runs the import itself: no periodic work, no queue of its own.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, schedulerIntervalSeconds: 0 }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  try {
    const actor = await platformAdmin(app.get(Database), values.as);
    const imports = single ? await oneOpd(app.get(Database)) : await folderOf(app.get(CityImportsService));
    let failed = 0;
    for (const entry of imports) {
      if (imports.length > 1) console.log(`\n== ${entry.slug}`);
      const archive = entry.uploads ? await UploadsArchive.open(entry.uploads) : undefined;
      try {
        const run = await app
          .get(WordpressImportService)
          .importInto(entry.tenantId, actor, () => createReadStream(entry.export), { archive });
        console.log(summary(run));
      } catch (error) {
        if (imports.length === 1) throw error;
        failed++;
        console.log(`Gagal: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        archive?.close();
      }
    }
    if (failed > 0) throw new Error(`${failed} dari ${imports.length} impor gagal (yang lain selesai)`);
  } finally {
    await app.close();
  }
});

interface CommandImport {
  slug: string;
  tenantId: string;
  export: string;
  uploads: string | null;
}

async function oneOpd(db: Database): Promise<CommandImport[]> {
  const tenant = await db.inPlatform((manager) => new TenantsRepository().findBySlug(manager, values.opd!));
  if (!tenant) throw new Error(`OPD tidak ditemukan: ${values.opd}`);
  return [
    { slug: tenant.slug, tenantId: tenant.id, export: positionals[0]!, uploads: values.uploads ?? null },
  ];
}

/** The folder's `<slug>.xml` and `<slug>.zip` files, every one checked before any import starts. */
async function folderOf(imports: CityImportsService): Promise<CommandImport[]> {
  const entries = await readdir(values.folder!, { withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.(xml|zip)$/i.test(entry.name))
      .map(async (entry) => {
        const file = path.join(values.folder!, entry.name);
        return { path: file, originalname: entry.name, size: (await stat(file)).size };
      }),
  );
  try {
    const checked = await imports.checkBatch(files, false);
    return checked.map(({ tenant, queued }) => ({
      slug: tenant.slug,
      tenantId: tenant.id,
      export: queued.exportPath,
      uploads: queued.uploadsPath,
    }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new Error([error.message, ...error.details.map((detail) => `  - ${detail.message}`)].join('\n'), {
      cause: error,
    });
  }
}

async function platformAdmin(db: Database, email: string): Promise<Principal> {
  const user = await db.inPlatform((manager) => new UsersRepository().findByEmail(manager, email));
  if (!user || user.status !== 'active' || user.platformRole !== 'platform_admin')
    throw new Error(`${email} bukan admin platform yang aktif`);
  return {
    userId: user.id,
    sessionId: 'wordpress-import-command',
    email: user.email,
    name: user.name,
    platformRole: user.platformRole,
  };
}
