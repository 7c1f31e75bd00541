import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type ContentTypeName } from './types/content-type';

/**
 * What the public sees: one row per live item, written when it is published and removed when it is
 * unpublished. The public API reads only this table, so a draft cannot reach it by any filter.
 */
@Entity('published_content')
export class PublishedContent {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'revision_id', type: 'uuid' }) revisionId: string;
  @Column({ type: 'text' }) type: ContentTypeName;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) category: string | null;
  @Column({ type: 'text', array: true }) tags: string[];
  @Column({ type: 'integer', nullable: true }) year: number | null;
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true }) startsAt: Date | null;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt: Date | null;
  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true }) validFrom: Date | null;
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true }) validUntil: Date | null;
  @Column({ type: 'boolean' }) urgent: boolean;
  @Column({ type: 'boolean' }) headline: boolean;
  @Column({ name: 'sort_order', type: 'integer', nullable: true }) sortOrder: number | null;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true }) expiredAt: Date | null;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ type: 'tsvector', select: false }) search: string;
}
