import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { SearchField } from '../../core/http/dto-fields';
import { PageQueryDto } from '../../core/http/page-query.dto';

const KINDS = ['berita', 'halaman', 'dokumen', 'media'];

export class ImportSiteDto {
  @ApiProperty({ example: 'Dinas Perhubungan Kota Bandar Lampung' }) title: string;
  @ApiProperty({ example: 'https://dishub.bandarlampungkota.go.id' }) baseUrl: string;
  @ApiProperty({ example: '1.2', description: 'Versi WXR (WordPress 3–6)' }) wxrVersion: string;
}

export class ImportTotalsDto {
  @ApiProperty({ description: 'Semua entri konten di berkas' }) items: number;
  @ApiProperty() berita: number;
  @ApiProperty() halaman: number;
  @ApiProperty() dokumen: number;
  @ApiProperty({ description: 'Foto ke pustaka media' }) media: number;
  @ApiProperty({ description: 'Tidak diimpor (alasan di daftar skipped)' }) skipped: number;
  @ApiProperty({ description: 'Masuk sebagai draf (draf, privat, terjadwal, berkata sandi di WordPress)' })
  drafts: number;
  @ApiProperty({ description: 'Perlu diperiksa orang setelah impor' }) review: number;
  @ApiProperty({ description: 'Isinya diubah atau sebagian dibuang' }) warnings: number;
  @ApiProperty({ description: 'Alamat lama yang akan dialihkan (301)' }) oldUrls: number;
}

export class SkippedItemDto {
  @ApiProperty({ description: 'ID di WordPress' }) sourceId: number;
  @ApiProperty({ example: 'nav_menu_item' }) sourceType: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'ada di tempat sampah WordPress' }) reason: string;
}

export class NotedItemDto {
  @ApiProperty() sourceId: number;
  @ApiProperty({ enum: KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) notes: string[];
}

export class ImportArchiveDto {
  @ApiProperty({ description: 'Berkas di arsip unggahan' }) files: number;
  @ApiProperty({ description: 'Berkas yang disebut ekspor tetapi tidak ada di arsip' }) missing: number;
}

export class ImportReportDto {
  @ApiProperty({ type: ImportSiteDto }) site: ImportSiteDto;
  @ApiProperty({ type: ImportTotalsDto }) totals: ImportTotalsDto;
  @ApiProperty({ type: [SkippedItemDto], description: 'Paling banyak 1.000; jumlah lengkap di totals' })
  skipped: SkippedItemDto[];
  @ApiProperty({ type: [NotedItemDto], description: 'Perlu diperiksa (paling banyak 1.000)' })
  review: NotedItemDto[];
  @ApiProperty({ type: [NotedItemDto], description: 'Isi yang diubah (paling banyak 1.000)' })
  warnings: NotedItemDto[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Beberapa entri pertama tiap jenis, seperti akan masuk',
  })
  sample: object[];
  @ApiProperty({
    type: ImportArchiveDto,
    nullable: true,
    description: 'Hanya bila arsip unggahan ikut diperiksa',
  })
  archive: ImportArchiveDto | null;
}

export class ExportFileFormDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'Berkas ekspor WordPress (WXR, .xml), paling besar 512 MB',
  })
  file: unknown;
}

export class ImportFormFieldsDto {
  @ApiPropertyOptional({
    example: 'https://dishub-lama.bandarlampungkota.go.id',
    description:
      'Alamat situs lama sekarang, untuk mengambil foto dan dokumen yang tidak ada di arsip unggahan (hanya bila platform mengizinkan: WORDPRESS_FETCH_UPLOADS)',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(300)
  fetchFrom?: string;
}

export class ImportFilesFormDto extends ImportFormFieldsDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'Berkas ekspor WordPress (WXR, .xml), paling besar 512 MB',
  })
  file: unknown;
  @ApiPropertyOptional({
    type: 'string',
    format: 'binary',
    description: 'Arsip zip wp-content/uploads situs lama (foto dan dokumen), paling besar 4 GB',
  })
  uploads?: unknown;
}

const OUTCOMES = ['created', 'updated', 'unchanged', 'keptEdited', 'skipped', 'held', 'failed'];

export class ImportRunTotalsDto {
  @ApiProperty({ description: 'Baru di Laman' }) created: number;
  @ApiProperty({ description: 'Berubah di ekspor sejak impor sebelumnya, diperbarui' }) updated: number;
  @ApiProperty({ description: 'Sama seperti impor sebelumnya, dibiarkan' }) unchanged: number;
  @ApiProperty({
    description: 'Berubah di ekspor tetapi sudah diubah atau dihapus di Laman: versi Laman dipertahankan',
  })
  keptEdited: number;
  @ApiProperty({ description: 'Dilewati (bukan konten situs, tempat sampah, jenis tak dikenal)' })
  skipped: number;
  @ApiProperty({ description: 'Masuk sebagai draf karena ditahan penjaga spam atau aturan terbit' })
  held: number;
  @ApiProperty({ description: 'Tidak dapat masuk (alasannya di laporan); dicoba lagi pada impor berikutnya' })
  failed: number;
}

export class ImportProgressDto {
  @ApiProperty({ description: 'Entri yang sudah dikerjakan' }) done: number;
  @ApiProperty({ description: 'Semua entri di berkas ekspor' }) total: number;
}

export class ImportedOutcomeDto {
  @ApiProperty({ description: 'ID di WordPress' }) sourceId: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ type: [String] }) notes: string[];
}

export class ImportRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'https://dishub.bandarlampungkota.go.id' }) sourceUrl: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'undone'] }) status: string;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ type: ImportRunTotalsDto }) totals: ImportRunTotalsDto;
  @ApiProperty({ type: ImportProgressDto, nullable: true }) progress: ImportProgressDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'Mengapa impor gagal' }) error: string | null;
}

export class ImportRunDetailDto extends ImportRunDto {
  @ApiProperty({
    type: [ImportedOutcomeDto],
    description: 'Yang gagal, ditahan, dipertahankan, atau perlu diperiksa (paling banyak 1.000)',
  })
  report: ImportedOutcomeDto[];
}

export class ImportRunsDto {
  @ApiProperty({ type: [ImportRunDto], description: '20 impor terakhir, terbaru dulu' })
  items: ImportRunDto[];
}

export class BatchImportFieldsDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Ambil foto dan dokumen yang tidak ada di arsip dari alamat situs lama tiap ekspor (hanya bila platform mengizinkan: WORDPRESS_FETCH_UPLOADS)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  fetchUploads?: boolean;
}

export class BatchImportFormDto extends BatchImportFieldsDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'binary' },
    description:
      'Berkas ekspor tiap OPD bernama <slug-opd>.xml (paling besar 512 MB), dan bila ada arsip unggahannya <slug-opd>.zip (paling besar 4 GB); paling banyak 100 OPD',
  })
  files: unknown[];
}

export class ImportOpdDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'dishub' }) slug: string;
  @ApiProperty({ example: 'Dinas Perhubungan' }) name: string;
}

export class QueuedImportDto {
  @ApiProperty({ type: ImportOpdDto }) tenant: ImportOpdDto;
  @ApiProperty({ type: ImportRunDto }) run: ImportRunDto;
}

export class QueuedImportsDto {
  @ApiProperty({ type: [QueuedImportDto], description: 'Satu impor per OPD, menunggu giliran di antrean' })
  items: QueuedImportDto[];
}

const OVERVIEW_STATUSES = ['running', 'queued', 'failed', 'done', 'undone', 'none'];

export class CityImportsQueryDto extends PageQueryDto {
  @SearchField('Cari di nama atau slug OPD') q?: string;
  @ApiPropertyOptional({
    enum: OVERVIEW_STATUSES,
    description: 'Hanya OPD dengan impor terakhir berstatus ini (none: belum pernah diimpor)',
  })
  @IsOptional()
  @IsIn(OVERVIEW_STATUSES)
  status?: 'running' | 'queued' | 'failed' | 'done' | 'undone' | 'none';
}

export class CityImportRunDto extends ImportRunDto {
  @ApiProperty({
    description: 'Entri laporan yang perlu dibaca (gagal, ditahan, dipertahankan, perlu diperiksa)',
  })
  notes: number;
}

export class CityImportDto {
  @ApiProperty({ type: ImportOpdDto }) tenant: ImportOpdDto;
  @ApiProperty({
    type: CityImportRunDto,
    nullable: true,
    description: 'Impor terakhir; null bila belum pernah',
  })
  latest: CityImportRunDto | null;
}

export class CityImportCountsDto {
  @ApiProperty() running: number;
  @ApiProperty() queued: number;
  @ApiProperty() failed: number;
  @ApiProperty() done: number;
  @ApiProperty() undone: number;
  @ApiProperty({ description: 'OPD aktif yang belum pernah diimpor' }) none: number;
}

export class CityImportsDto {
  @ApiProperty({
    type: [CityImportDto],
    description: 'Yang berjalan, menunggu dan gagal dulu; lalu menurut nama',
  })
  items: CityImportDto[];
  @ApiProperty({ description: 'OPD yang cocok dengan saringan, di semua halaman' }) total: number;
  @ApiProperty({
    type: CityImportCountsDto,
    description: 'OPD aktif menurut status impor terakhir, di seluruh kota',
  })
  counts: CityImportCountsDto;
}
