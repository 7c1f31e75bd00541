import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type PlatformRole } from '../../core/access/roles';

export type UserTokenPurpose = 'invitation' | 'password_reset';

/**
 * A one-time link (invitation, password reset). Only the token's hash is stored. An invitation carries one
 * grant: a pending membership (with its tenant) or a platform role.
 */
@Entity('user_tokens')
export class UserToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) purpose: UserTokenPurpose;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ name: 'grant_tenant_id', type: 'uuid', nullable: true }) grantTenantId: string | null;
  @Column({ name: 'membership_id', type: 'uuid', nullable: true }) membershipId: string | null;
  @Column({ name: 'platform_role', type: 'text', nullable: true }) platformRole: PlatformRole | null;
  /** Whether this link may choose the first password of a not-yet-activated account (it created it). */
  @Column({ name: 'claims_account', type: 'boolean' }) claimsAccount: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
