import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A saved state of an item's fields. Never rewritten; restoring copies an old one into a new revision. */
@Entity('content_revisions')
export class ContentRevision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ name: 'changed_fields', type: 'text', array: true }) changedFields: string[];
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
