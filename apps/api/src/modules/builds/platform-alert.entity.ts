import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something platform admins must look at, about one OPD (e.g. a site build held for spam). */
@Entity('platform_alerts')
export class PlatformAlert {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'about_tenant_id', type: 'uuid', nullable: true }) aboutTenantId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
