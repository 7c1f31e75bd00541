import { AUDIT_ACTIONS } from './audit-actions';
import { ApiProperty } from '@nestjs/swagger';
import { type AuditEvent } from './audit-event.entity';

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: AUDIT_ACTIONS,
    description: 'Tindakan (catatan lama dapat memakai nama lain yang tidak lagi dicatat)',
  })
  action: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Nama pelaku (null: sistem, atau akun terhapus)',
  })
  actorName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'user' }) targetType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
}

export function toAuditEventDto(event: AuditEvent & { actorName: string | null }): AuditEventDto {
  return {
    id: event.id,
    action: event.action,
    actorUserId: event.actorUserId,
    actorName: event.actorName,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data,
    createdAt: event.createdAt,
  };
}
