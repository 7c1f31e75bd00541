import { ApiProperty } from '@nestjs/swagger';
import { pageQuery } from '../../core/http/page-query.dto';

export class CityTenantDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ example: 'dinas' }) kind: string;
  @ApiProperty({ nullable: true, type: String }) domain: string | null;
  @ApiProperty({ nullable: true, type: Date }) lastPublishedAt: Date | null;
  @ApiProperty({ description: 'Jumlah layanan terbit' }) services: number;
}

export class CityStoryDto {
  @ApiProperty({ description: 'Slug OPD' }) tenant: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty() publishedAt: Date;
}

export class CityServiceSurveyDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty() respondents: number;
  @ApiProperty({ description: 'Jumlah minimum responden (Krejcie–Morgan) untuk setahun' })
  minimumRespondents: number;
  @ApiProperty({ description: 'Indeks kepuasan masyarakat (25–100)' }) index: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) grade: string;
  @ApiProperty({ example: 'Baik' }) gradeLabel: string;
}

export class CityServiceDto {
  @ApiProperty({ description: 'Slug OPD' }) tenant: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Kependudukan' }) sector: string | null;
  @ApiProperty({ type: [String], example: ['kelahiran'] }) lifeEvents: string[];
  @ApiProperty({ description: 'Dilayani di Mal Pelayanan Publik' }) atMallPelayananPublik: boolean;
  @ApiProperty({ description: 'Bisa diajukan daring' }) online: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'Gratis' }) fee: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1 hari kerja' }) processingTime: string | null;
  @ApiProperty({
    type: CityServiceSurveyDto,
    nullable: true,
    description: 'Survei kepuasan tahun berjalan (null: belum ada responden); paling lama satu jam',
  })
  survey: CityServiceSurveyDto | null;
}

export class CityTotalsDto {
  @ApiProperty({ description: 'OPD aktif' }) opds: number;
  @ApiProperty({ description: 'OPD yang punya layanan terbit' }) opdsWithServices: number;
  @ApiProperty({ description: 'Layanan terbit se-kota' }) services: number;
  @ApiProperty({ description: 'Layanan yang bisa diajukan daring' }) online: number;
  @ApiProperty({ description: 'Layanan di Mal Pelayanan Publik' }) atMallPelayananPublik: number;
}

/**
 * The portal's front page: small whatever the size of the city. The directory and the catalogue are read a
 * page at a time (`/public/city/opd`, `/public/city/layanan`); `version` is the same in every answer built
 * from the same state, so a reader that pages through can tell when the city changed under it.
 */
export class CityFrontDto {
  @ApiProperty({ description: 'Versi data kota saat jawaban ini dibuat' }) version: string;
  @ApiProperty({ type: [CityStoryDto], description: '30 berita terbaru se-kota' }) news: CityStoryDto[];
  @ApiProperty({ type: [CityStoryDto], description: 'Pengumuman serta-merta yang berlaku' })
  announcements: CityStoryDto[];
  @ApiProperty({ type: CityTotalsDto }) totals: CityTotalsDto;
}

export class CityDirectoryPageDto {
  @ApiProperty() version: string;
  @ApiProperty({ type: [CityTenantDto] }) items: CityTenantDto[];
  @ApiProperty({ description: 'OPD aktif seluruhnya' }) total: number;
}

export class CityServicesPageDto {
  @ApiProperty() version: string;
  @ApiProperty({ type: [CityServiceDto] }) items: CityServiceDto[];
  @ApiProperty({ description: 'Layanan terbit seluruhnya' }) total: number;
}

/** The portal builder reads the whole directory and catalogue: larger pages than the admin's lists. */
export class CityPageQueryDto extends pageQuery(1000, 500) {}
