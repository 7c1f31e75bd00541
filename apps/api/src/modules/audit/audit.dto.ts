import { ApiProperty } from '@nestjs/swagger';
import { type AuditEvent } from './audit-event.entity';

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'user.invited' }) action: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'user' }) targetType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
}

export function toAuditEventDto(event: AuditEvent): AuditEventDto {
  return {
    id: event.id,
    action: event.action,
    actorUserId: event.actorUserId,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data,
    createdAt: event.createdAt,
  };
}
