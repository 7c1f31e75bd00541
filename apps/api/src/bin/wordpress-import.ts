import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { type Principal } from '../core/access/principal';
import { Database } from '../core/database/database.service';
import { TenantsRepository } from '../modules/tenants/tenants.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { type ImportRun } from '../modules/wordpress-import/importer';
import { UploadsArchive } from '../modules/wordpress-import/uploads-archive';
import { WordpressImportService } from '../modules/wordpress-import/wordpress-import.service';
import { runCommand } from './local-runtime';

/**
 * Imports an OPD's old WordPress site from files on this machine (an uploads archive too large to send through
 * the admin, or a scripted migration): `pnpm wordpress-import --opd dishub --as admin@kota.go.id ekspor.xml
 * --uploads uploads.zip`. The same import as the admin's — through the editor's rules, recorded as a run of the
 * OPD's (its history and undo in the admin), resumable and idempotent — run here at once, as the platform admin
 * named (the audit log names them). Prints what it counted and what needs a look.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { opd: { type: 'string' }, as: { type: 'string' }, uploads: { type: 'string' } },
});

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
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.opd || !values.as)
    throw new Error(
      'Pakai: pnpm wordpress-import --opd <slug OPD> --as <email admin platform> <berkas-ekspor.xml> [--uploads <uploads.zip>]',
    );
  await access(file).catch(() => {
    throw new Error(`Berkas tidak ditemukan: ${file}`);
  });
  // This process runs the import itself: no periodic work, no queue of its own.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, schedulerIntervalSeconds: 0 }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  const archive = values.uploads ? await UploadsArchive.open(values.uploads) : undefined;
  try {
    const db = app.get(Database);
    const { tenant, user } = await db.inPlatform(async (manager) => ({
      tenant: await new TenantsRepository().findBySlug(manager, values.opd!),
      user: await new UsersRepository().findByEmail(manager, values.as!),
    }));
    if (!tenant) throw new Error(`OPD tidak ditemukan: ${values.opd}`);
    if (!user || user.status !== 'active' || user.platformRole !== 'platform_admin')
      throw new Error(`${values.as} bukan admin platform yang aktif`);
    const actor: Principal = {
      userId: user.id,
      sessionId: 'wordpress-import-command',
      email: user.email,
      name: user.name,
      platformRole: user.platformRole,
    };
    const run = await app
      .get(WordpressImportService)
      .importInto(tenant.id, actor, () => createReadStream(file), { archive });
    console.log(summary(run));
  } finally {
    archive?.close();
    await app.close();
  }
});
