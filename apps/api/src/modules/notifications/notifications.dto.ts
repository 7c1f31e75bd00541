import { ApiProperty } from '@nestjs/swagger';
import { notificationLine } from './notification-text';
import { type NotificationRow } from './notifications.repository';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'disdukcapil' }) tenantSlug: string;
  @ApiProperty() tenantName: string;
  @ApiProperty({ enum: ['published', 'returned', 'submitted', 'held'] }) kind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) itemId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String, description: 'Catatan editor, atau alasan penahanan' })
  note: string | null;
  @ApiProperty({ example: '"Jadwal layanan" sudah terbit.', description: 'Kalimat siap tampil' })
  line: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) readAt: Date | null;
}

export class NotificationsDto {
  @ApiProperty({ description: 'Jumlah yang belum dibaca' }) unread: number;
  @ApiProperty({ type: [NotificationDto], description: '30 terbaru' }) items: NotificationDto[];
}

export function toNotificationDto(row: NotificationRow): NotificationDto {
  const { id, tenantSlug, tenantName, kind, itemId, title, note, createdAt, readAt } = row;
  return {
    id,
    tenantSlug,
    tenantName,
    kind,
    itemId,
    title,
    note,
    line: notificationLine(row),
    createdAt,
    readAt,
  };
}
