import { formatTanggal } from '@laman/shared';
import { type Mail } from '../../core/mail/mailer';

/** What each step tells the requester in the subject line. */
const HEADLINES: Record<string, string> = {
  clarification: 'PPID meminta penjelasan',
  extended: 'waktu jawaban diperpanjang',
  granted: 'dikabulkan',
  partly_granted: 'dikabulkan sebagian',
  refused: 'ditolak',
  not_held: 'informasi tidak dikuasai',
  forwarded: 'diteruskan ke OPD lain',
};

export interface RequestNotice {
  to: string;
  opdName: string;
  code: string;
  kind: string;
  message: string;
  exemption?: string | null;
  dueOn?: string | null;
  /** How many files the answer carries (they are opened from the status page, never sent by e-mail). */
  files?: number;
}

/**
 * The e-mail telling a requester what the PPID did: the step, the PPID's message, the new due day of an
 * extension, the exemption a refusal cites, and the objection right where the law gives one. Nothing personal.
 */
export function requestNotice(notice: RequestNotice): Mail {
  const objectable = ['refused', 'partly_granted', 'not_held', 'extended'].includes(notice.kind);
  return {
    to: [notice.to],
    subject: `Permohonan informasi ${notice.code}: ${HEADLINES[notice.kind] ?? 'ada kabar baru'} — ${notice.opdName}`,
    text: [
      `PPID ${notice.opdName} menindaklanjuti permohonan informasi Anda (${notice.code}).`,
      '',
      notice.message,
      ...(notice.exemption ? ['', `Dasar pengecualian: ${notice.exemption}`] : []),
      ...(notice.dueOn ? ['', `Batas jawaban yang baru: ${formatTanggal(notice.dueOn)}.`] : []),
      ...(notice.files
        ? ['', `Jawaban ini melampirkan ${notice.files} berkas: unduh dari halaman status permohonan.`]
        : []),
      ...(objectable
        ? [
            '',
            'Bila Anda tidak puas, Anda dapat mengajukan keberatan kepada atasan PPID paling lambat 30 hari kerja sejak hari ini.',
          ]
        : []),
      '',
      'Lihat statusnya di halaman PPID situs OPD tersebut dengan nomor pendaftaran dan surel atau nomor telepon yang Anda isi.',
      '',
      'Surel ini dikirim otomatis; jangan dibalas.',
    ].join('\n'),
  };
}
