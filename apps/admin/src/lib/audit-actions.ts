/**
 * What each audit action means, for the people reading the log (Bahasa Indonesia; English through t()). The
 * API lists its actions in the OpenAPI document (`AuditEventDto.action`); a test checks every one has a label.
 * Names older versions recorded keep theirs, so an old log still reads well.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'content.created': 'membuat konten',
  'content.updated': 'menyimpan konten',
  'content.restored': 'memulihkan revisi',
  'content.deleted': 'menghapus konten',
  'content.submit': 'mengajukan review',
  'content.return': 'mengembalikan dengan catatan',
  'content.publish': 'menerbitkan',
  'content.schedule': 'menjadwalkan terbit',
  'content.unschedule': 'membatalkan jadwal terbit',
  'content.unpublish': 'menarik dari situs',
  'content.force_publish': 'menerbitkan serta-merta',
  'content.confirm_review': 'mengonfirmasi review setelah terbit serta-merta',
  'content.auto_published': 'terbit sesuai jadwal',
  'content.held': 'ditahan penyaring spam',
  'content.schedule_failed': 'jadwal terbit gagal: dikembalikan ke draf',
  'media.uploaded': 'mengunggah berkas',
  'media.replaced': 'mengganti berkas',
  'media.described': 'mengubah teks alternatif atau keterangan berkas',
  'media.deleted': 'menghapus berkas',
  'settings.updated': 'mengubah pengaturan situs',
  'site.rebuild_requested': 'meminta situs dibangun ulang',
  'site.rolled_back': 'mengembalikan situs ke build sebelumnya',
  'tenant.provisioned': 'membuat OPD',
  'tenant.updated': 'mengubah data OPD',
  'tenant.suspended': 'menangguhkan OPD',
  'tenant.reactivated': 'mengaktifkan kembali OPD',
  'tenant.contact_updated': 'mengubah kontak OPD',
  'user.invited': 'mengundang pengguna',
  'user.invitation_reissued': 'membuat ulang undangan',
  'user.invitation_accepted': 'menerima undangan',
  'user.role_changed': 'mengubah peran pengguna',
  'user.duties_changed': 'mengubah tugas PPID pengguna',
  'user.deactivated': 'menonaktifkan pengguna',
  'user.reactivated': 'mengaktifkan kembali pengguna',
  'user.password_reset_issued': 'membuat tautan atur ulang sandi',
  'ppid.personal_data_viewed': 'membuka data pribadi pemohon informasi',
  'ppid.clarification_asked': 'meminta penjelasan pemohon informasi',
  'ppid.extended': 'memperpanjang waktu jawaban permohonan informasi',
  'ppid.decided': 'menjawab permohonan informasi',
  'ppid.objection_decided': 'menjawab keberatan atas permohonan informasi',
  'ppid.personal_data_erased': 'menghapus data pribadi pemohon yang masa simpannya berakhir',
  'ppid.forwarded_out': 'meneruskan permohonan informasi ke OPD lain',
  'ppid.forwarded_in': 'menerima permohonan informasi terusan OPD lain',
  // Recorded by earlier versions.
  'content.submitted': 'mengajukan review',
  'content.returned': 'mengembalikan dengan catatan',
  'content.published': 'menerbitkan',
  'content.force_published': 'menerbitkan serta-merta',
  'content.unpublished': 'menarik dari situs',
};

/** An action a person can read; an unknown one is named as "tindakan lain", never shown raw. */
export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? 'tindakan lain';

/** One entry of an OPD's audit log, as the API gives it. */
export interface AuditEvent {
  id: string;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}
