import { ApiProperty } from '@nestjs/swagger';

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
}

/** What the city portal is built from: published content of active OPDs only. */
export class CitySnapshotDto {
  @ApiProperty({ type: [CityTenantDto] }) tenants: CityTenantDto[];
  @ApiProperty({ type: [CityStoryDto], description: '30 berita terbaru se-kota' }) news: CityStoryDto[];
  @ApiProperty({ type: [CityStoryDto], description: 'Pengumuman serta-merta yang berlaku' })
  announcements: CityStoryDto[];
  @ApiProperty({ type: [CityServiceDto] }) services: CityServiceDto[];
}
