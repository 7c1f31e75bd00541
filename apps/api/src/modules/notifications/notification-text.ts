import { type NotificationRow } from './notifications.repository';

/** A notification in words (Bahasa Indonesia), for the app and for e-mail. */
export function notificationLine(row: Pick<NotificationRow, 'kind' | 'title' | 'note'>): string {
  switch (row.kind) {
    case 'published':
      return `"${row.title}" sudah terbit.`;
    case 'returned':
      return `"${row.title}" dikembalikan dengan catatan: ${row.note ?? '-'}`;
    case 'submitted':
      return `"${row.title}" menunggu review Anda.`;
    case 'held':
      return `"${row.title}" ditahan penyaring spam: ${row.note ?? '-'}`;
  }
}

const SUBJECT: Record<NotificationRow['kind'], string> = {
  published: 'Tulisan Anda terbit',
  returned: 'Tulisan Anda dikembalikan',
  submitted: 'Ada tulisan menunggu review',
  held: 'Tulisan Anda ditahan penyaring spam',
};

export function notificationMail(
  row: NotificationRow & { recipientName: string },
  adminUrl: string,
): { subject: string; text: string } {
  const link = row.itemId ? `${adminUrl}/opd/${row.tenantSlug}/konten/${row.itemId}` : `${adminUrl}/`;
  return {
    subject: `[Laman] ${SUBJECT[row.kind]}: ${row.title}`,
    text: [
      `Halo ${row.recipientName},`,
      '',
      `${row.tenantName}: ${notificationLine(row)}`,
      '',
      `Buka: ${link}`,
      '',
      'Surel ini dikirim otomatis oleh Laman. Pemberitahuan yang sama ada di aplikasi (Pemberitahuan).',
    ].join('\n'),
  };
}
