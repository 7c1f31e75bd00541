import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type ContentTypeName } from './types/content-type';

export const CONTENT_STATES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
export type ContentState = (typeof CONTENT_STATES)[number];

/**
 * One piece of an OPD's content. `state` is the workflow state of the working copy (the latest revision);
 * `publishedRevisionId` is what the public sees, which stays live while a newer draft is edited.
 */
@Entity('content_items')
export class ContentItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) type: ContentTypeName;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) state: ContentState;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'working_revision_id', type: 'uuid', nullable: true }) workingRevisionId: string | null;
  @Column({ name: 'published_revision_id', type: 'uuid', nullable: true }) publishedRevisionId: string | null;
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true }) scheduledAt: Date | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'first_published_at', type: 'timestamptz', nullable: true }) firstPublishedAt: Date | null;
  @Column({ name: 'needs_post_review', type: 'boolean' }) needsPostReview: boolean;
  @Column({ name: 'force_publish_reason', type: 'text', nullable: true }) forcePublishReason: string | null;
  @Column({ name: 'force_published_by', type: 'uuid', nullable: true }) forcePublishedBy: string | null;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment: string | null;
  @Column({ name: 'returned_by', type: 'text', nullable: true }) returnedBy: ReturnedBy | null;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Who sent a draft back to its author: an editor with a note, or the spam guard with its findings. */
export type ReturnedBy = 'editor' | 'spam_guard' | 'scheduler';
