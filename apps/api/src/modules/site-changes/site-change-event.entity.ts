import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Outbox row: something the public sees changed. Written in the same transaction as the change, so the site
 * builder (a later step) can never miss one.
 */
@Entity('site_change_events')
export class SiteChangeEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'item_id', type: 'uuid', nullable: true }) itemId: string | null;
  @Column({ name: 'content_type', type: 'text', nullable: true }) contentType: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
}
