import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DomainError } from '../core/errors/domain-error';
import { dryRun, type ImportReport } from '../modules/wordpress-import/dry-run';
import { UploadsArchive } from '../modules/wordpress-import/uploads-archive';

/**
 * The WordPress import's dry run for an export on this machine (too large to upload, or read before an OPD
 * exists): `pnpm wordpress-dry-run ekspor.xml` prints what would come in, what would be skipped and why, and what
 * needs a look; `--uploads uploads.zip` also checks that the archive of the old `wp-content/uploads` holds every
 * file the export names; `--json` prints the whole report. Reads the files as streams; writes nothing anywhere.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, uploads: { type: 'string' } },
});

function summary(report: ImportReport): string {
  const { totals } = report;
  const lines = [
    `Situs: ${report.site.title || '(tanpa judul)'} — ${report.site.baseUrl} (WXR ${report.site.wxrVersion})`,
    `Entri di berkas: ${totals.items}`,
    `Berita ${totals.berita} · Halaman ${totals.halaman} · Dokumen ${totals.dokumen} · Foto ${totals.media}`,
    `Masuk sebagai draf: ${totals.drafts} · Dilewati: ${totals.skipped} · Perlu diperiksa: ${totals.review} · ` +
      `Isinya diubah: ${totals.warnings} · Alamat lama dialihkan: ${totals.oldUrls}`,
  ];
  if (report.archive)
    lines.push(
      `Arsip unggahan: ${report.archive.files} berkas; ${report.archive.missing} berkas disebut ekspor tetapi tidak ada`,
    );
  const list = (title: string, rows: string[], total: number) => {
    if (!rows.length) return;
    lines.push('', `${title} (${total}):`, ...rows.slice(0, 20).map((row) => `  - ${row}`));
    if (total > 20) lines.push(`  … dan ${total - 20} lagi (--json untuk semuanya)`);
  };
  list(
    'Dilewati',
    report.skipped.map((item) => `${item.title || `ID ${item.sourceId}`}: ${item.reason}`),
    totals.skipped,
  );
  list(
    'Perlu diperiksa',
    report.review.map((item) => `${item.title}: ${item.notes.join('; ')}`),
    totals.review,
  );
  list(
    'Isinya diubah',
    report.warnings.map((item) => `${item.title}: ${item.notes.join('; ')}`),
    totals.warnings,
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('Pakai: pnpm wordpress-dry-run <berkas-ekspor.xml> [--uploads <uploads.zip>] [--json]');
    return 2;
  }
  try {
    await access(file);
    const archive = values.uploads ? await UploadsArchive.open(values.uploads) : undefined;
    try {
      const report = await dryRun(() => createReadStream(file), { archive });
      console.log(values.json ? JSON.stringify(report, null, 2) : summary(report));
      return 0;
    } finally {
      archive?.close();
    }
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`Berkas tidak ditemukan: ${(error as NodeJS.ErrnoException).path ?? file}`);
      return 1;
    }
    throw error;
  }
}

main().then((code) => process.exit(code));
