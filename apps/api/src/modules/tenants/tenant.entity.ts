import { type TenantPolicyOverride } from '../oversight/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TENANT_KINDS = [
  'dinas',
  'badan',
  'kecamatan',
  'bagian',
  'inspektorat',
  'sekretariat',
  'lainnya',
] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];
export type TenantStatus = 'active' | 'suspended';

/** One OPD (dinas, badan, kecamatan…): the unit of isolation. */
@Entity('tenants')
export class Tenant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'short_name', type: 'text' }) shortName: string;
  @Column({ type: 'text' }) kind: TenantKind;
  @Column({ type: 'text' }) status: TenantStatus;
  @Column({ name: 'suspended_reason', type: 'text', nullable: true }) suspendedReason: string | null;
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt: Date | null;
  @Column({ name: 'former_names', type: 'text', array: true }) formerNames: string[];
  /** Slugs it had before a rename: they keep reaching this OPD and stay reserved. */
  @Column({ name: 'former_slugs', type: 'text', array: true }) formerSlugs: string[];
  @Column({ name: 'custom_domain', type: 'text', nullable: true }) customDomain: string | null;
  @Column({ name: 'contact_name', type: 'text', nullable: true }) contactName: string | null;
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail: string | null;
  @Column({ name: 'contact_phone', type: 'text', nullable: true }) contactPhone: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'require_second_editor', type: 'boolean' }) requireSecondEditor: boolean;
  @Column({ name: 'last_published_at', type: 'timestamptz', nullable: true }) lastPublishedAt: Date | null;
  /** How this OPD differs from the city's oversight policy (null: not at all). */
  @Column({ name: 'oversight_policy', type: 'jsonb', nullable: true })
  oversightPolicy: TenantPolicyOverride | null;
  /** The OPD asked not to receive the weekly digest by e-mail (it is still kept and shown in the app). */
  @Column({ name: 'digest_opt_out', type: 'boolean', default: false }) digestOptOut: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
