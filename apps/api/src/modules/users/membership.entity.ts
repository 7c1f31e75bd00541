import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type TenantDuty, type TenantRole } from '../../core/access/roles';

/** `pending`: offered, not yet accepted by the person; only they can accept it. */
export type MembershipStatus = 'pending' | 'active' | 'deactivated';

/** A user's role in one tenant. Tenant-owned: protected by row-level security. */
@Entity('memberships')
export class Membership {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: TenantRole;
  @Column({ type: 'text' }) status: MembershipStatus;
  /** PPID duties beside the role (`TENANT_DUTIES`). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) duties: TenantDuty[];
  /** The name the inviter typed; shown while pending (the account's own name is not the inviter's to read). */
  @Column({ name: 'invited_name', type: 'text', nullable: true }) invitedName: string | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
