import type { Translate } from './i18n';

/** A weekly digest as the API keeps it. */
export interface Digest {
  id: string;
  week: string;
  subject: string;
  body: string;
  recipients: string[];
  status: 'sending' | 'sent' | 'skipped' | 'failed';
  reason: string | null;
  createdAt: string;
  sentAt: string | null;
}

const REASONS: Record<string, string> = {
  opted_out: 'Tidak dikirim: OPD memilih berhenti menerima surel',
  no_recipients: 'Tidak dikirim: tidak ada editor atau admin aktif',
  smtp_not_configured: 'Tidak dikirim: server surel belum diatur (hanya tersimpan di sini)',
};

/** How sending a digest went, in plain words. */
export function digestState(digest: Digest, t: Translate): string {
  if (digest.status === 'sent') return t('Terkirim ke {count} penerima', { count: digest.recipients.length });
  if (digest.status === 'sending') return t('Sedang dikirim');
  if (digest.status === 'failed') return t('Gagal dikirim: {reason}', { reason: digest.reason ?? '' });
  return t(REASONS[digest.reason ?? ''] ?? 'Tidak dikirim');
}
