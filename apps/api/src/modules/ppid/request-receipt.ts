import { formatTanggal } from '@laman/shared';
import { type Mail } from '../../core/mail/mailer';

/**
 * The e-mail receipt of an information request: the tracking code, the answer's deadline, and how to follow it.
 * Nothing the requester did not give, and no other person's data.
 */
export function requestReceipt(to: string, opdName: string, code: string, dueOn: string): Mail {
  return {
    to: [to],
    subject: `Permohonan informasi ${code} diterima — ${opdName}`,
    text: [
      `Permohonan informasi Anda kepada PPID ${opdName} sudah diterima dan terdaftar.`,
      '',
      `Nomor pendaftaran: ${code}`,
      `Batas jawaban: ${formatTanggal(dueOn)} (10 hari kerja; PPID dapat memperpanjangnya sekali, paling lama 7 hari kerja, dengan alasan tertulis).`,
      '',
      'Lihat statusnya di halaman PPID situs OPD tersebut dengan nomor pendaftaran ini dan surel atau nomor telepon yang Anda isi.',
      '',
      'Surel ini dikirim otomatis; jangan dibalas.',
    ].join('\n'),
  };
}
