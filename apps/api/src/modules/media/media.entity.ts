import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type MediaKind = 'image' | 'document';

/** One stored rendition of an upload: an image variant, or the document itself. */
export interface StoredFile {
  /** e.g. `w640.webp`, `full.jpg`, `file.pdf`: unique within the media item. */
  name: string;
  key: string;
  mimeType: string;
  bytes: number;
  width?: number;
  height?: number;
  format?: 'avif' | 'webp' | 'jpeg';
}

/** What the media row keeps of a file just written (not where it was made on disk). */
export function storedFileOf({ name, key, mimeType, bytes, width, height, format }: StoredFile): StoredFile {
  return { name, key, mimeType, bytes, width, height, format };
}

@Entity('media')
export class Media {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) kind: MediaKind;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'mime_type', type: 'text' }) mimeType: string;
  @Column({ type: 'text' }) extension: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes: string;
  @Column({ name: 'stored_bytes', type: 'bigint' }) storedBytes: string;
  /** Changes whenever the file is replaced, so stored files can be cached forever. */
  @Column({ type: 'text' }) token: string;
  @Column({ type: 'integer', nullable: true }) width: number | null;
  @Column({ type: 'integer', nullable: true }) height: number | null;
  @Column({ name: 'dominant_color', type: 'text', nullable: true }) dominantColor: string | null;
  @Column({ type: 'text', nullable: true }) placeholder: string | null;
  @Column({ name: 'page_count', type: 'integer', nullable: true }) pageCount: number | null;
  @Column({ name: 'has_script', type: 'boolean' }) hasScript: boolean;
  @Column({ type: 'text', nullable: true }) alt: string | null;
  @Column({ type: 'text', nullable: true }) caption: string | null;
  @Column({ type: 'jsonb' }) files: StoredFile[];
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
