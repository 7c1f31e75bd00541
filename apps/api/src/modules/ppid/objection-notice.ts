import { formatTanggal } from '@laman/shared';
import { type Mail } from '../../core/mail/mailer';
import { OBJECTION_OUTCOME_LABELS, type ObjectionOutcome } from './objection';

const CLOSING = [
  '',
  'Lihat statusnya di halaman PPID situs OPD tersebut dengan nomor pendaftaran dan surel atau nomor telepon yang Anda isi.',
  '',
  'Surel ini dikirim otomatis; jangan dibalas.',
];

/** The receipt of an objection: who answers it and by when. Nothing personal. */
export function objectionReceipt(to: string, opdName: string, code: string, dueOn: string): Mail {
  return {
    to: [to],
    subject: `Keberatan atas permohonan ${code} diterima — ${opdName}`,
    text: [
      `Keberatan Anda atas permohonan informasi ${code} kepada PPID ${opdName} sudah diterima.`,
      '',
      `Atasan PPID wajib menjawabnya secara tertulis paling lambat ${formatTanggal(dueOn)} (30 hari kerja).`,
      ...CLOSING,
    ].join('\n'),
  };
}

/** The atasan PPID's answer, with the requester's next step: the Komisi Informasi, and by when. */
export function objectionAnswer(answer: {
  to: string;
  opdName: string;
  code: string;
  outcome: ObjectionOutcome;
  message: string;
  disputeUntil: string;
}): Mail {
  return {
    to: [answer.to],
    subject: `Keberatan atas permohonan ${answer.code}: ${OBJECTION_OUTCOME_LABELS[answer.outcome].toLowerCase()} — ${answer.opdName}`,
    text: [
      `Atasan PPID ${answer.opdName} sudah menjawab keberatan Anda atas permohonan informasi ${answer.code}: ${OBJECTION_OUTCOME_LABELS[answer.outcome].toLowerCase()}.`,
      '',
      answer.message,
      '',
      `Bila Anda belum puas, Anda dapat mengajukan penyelesaian sengketa informasi kepada Komisi Informasi paling lambat ${formatTanggal(answer.disputeUntil)} (14 hari kerja sejak jawaban ini).`,
      ...CLOSING,
    ].join('\n'),
  };
}
