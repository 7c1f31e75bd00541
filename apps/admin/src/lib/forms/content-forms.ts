import type { ContentForm, Field } from './spec';

const title = (label = 'Judul', hint?: string): Field => ({
  kind: 'text',
  name: 'title',
  label,
  required: true,
  max: 200,
  ...(hint ? { hint } : {}),
});
const WAKTU_HINT = 'Waktu WIB.';

const BERITA: ContentForm = {
  type: 'berita',
  newTitle: 'Tulis berita',
  titleField: 'title',
  fields: [
    title(),
    {
      kind: 'textarea',
      name: 'summary',
      label: 'Ringkasan',
      hint: 'Satu atau dua kalimat; tampil di daftar berita dan saat dibagikan ke WhatsApp.',
      max: 400,
      rows: 2,
    },
    { kind: 'richtext', name: 'body', label: 'Isi berita', required: true },
    { kind: 'photo', name: 'cover', label: 'Foto sampul' },
    { kind: 'text', name: 'category', label: 'Kategori', hint: 'Mis. Pelayanan Publik', max: 60 },
    { kind: 'lines', name: 'tags', label: 'Tag', hint: 'Satu tag per baris, paling banyak 10.' },
    { kind: 'checkbox', name: 'headline', label: 'Jadikan berita utama di beranda' },
    { kind: 'files', name: 'attachments', label: 'Lampiran' },
    { kind: 'text', name: 'author', label: 'Penulis', hint: 'Mis. Tim Humas', max: 120 },
  ],
};

const PENGUMUMAN: ContentForm = {
  type: 'pengumuman',
  newTitle: 'Buat pengumuman',
  titleField: 'title',
  fields: [
    title(),
    { kind: 'richtext', name: 'body', label: 'Isi pengumuman', required: true },
    {
      kind: 'datetime',
      name: 'validFrom',
      label: 'Mulai tampil',
      hint: `${WAKTU_HINT} Kosongkan untuk segera.`,
    },
    {
      kind: 'datetime',
      name: 'validUntil',
      label: 'Berhenti tampil',
      hint: `${WAKTU_HINT} Setelah waktu ini pengumuman turun dari situs.`,
    },
    {
      kind: 'checkbox',
      name: 'urgent',
      label: 'Serta-merta (tampil di atas setiap halaman)',
      hint: 'Hanya untuk hal mendesak: bencana, gangguan layanan.',
    },
    { kind: 'files', name: 'attachments', label: 'Lampiran' },
  ],
};

const AGENDA: ContentForm = {
  type: 'agenda',
  newTitle: 'Tambah agenda',
  titleField: 'title',
  fields: [
    title('Nama kegiatan'),
    { kind: 'datetime', name: 'startsAt', label: 'Mulai', hint: WAKTU_HINT, required: true },
    { kind: 'datetime', name: 'endsAt', label: 'Selesai', hint: WAKTU_HINT, required: true },
    { kind: 'checkbox', name: 'allDay', label: 'Sepanjang hari' },
    { kind: 'text', name: 'venue', label: 'Tempat', required: true, max: 200 },
    { kind: 'text', name: 'organizer', label: 'Penyelenggara', max: 200 },
    { kind: 'richtext', name: 'description', label: 'Deskripsi' },
  ],
};

const HALAMAN: ContentForm = {
  type: 'halaman',
  newTitle: 'Buat halaman profil',
  titleField: 'title',
  fields: [
    title(),
    {
      kind: 'select',
      name: 'kind',
      label: 'Jenis halaman',
      required: true,
      options: [
        ['sejarah', 'Sejarah'],
        ['visi-misi', 'Visi dan misi'],
        ['tupoksi', 'Tugas pokok dan fungsi'],
        ['struktur-organisasi', 'Struktur organisasi'],
        ['profil', 'Profil'],
        ['maklumat', 'Maklumat pelayanan'],
        ['ppid', 'PPID'],
        ['lainnya', 'Lainnya'],
      ],
    },
    { kind: 'richtext', name: 'body', label: 'Isi halaman', required: true },
    { kind: 'checkbox', name: 'showInMenu', label: 'Tampilkan di menu Profil', default: true },
    { kind: 'number', name: 'menuOrder', label: 'Urutan di menu', integer: true, min: 0, max: 999 },
  ],
};

const PEJABAT: ContentForm = {
  type: 'pejabat',
  newTitle: 'Tambah pejabat',
  titleField: 'name',
  fields: [
    { kind: 'text', name: 'name', label: 'Nama lengkap dengan gelar', required: true, max: 200 },
    { kind: 'text', name: 'position', label: 'Jabatan', required: true, max: 200 },
    { kind: 'text', name: 'unit', label: 'Unit kerja', hint: 'Mis. Sekretariat, Bidang Pelayanan', max: 200 },
    { kind: 'photo', name: 'photo', label: 'Foto resmi' },
    { kind: 'date', name: 'since', label: 'Menjabat sejak' },
    {
      kind: 'number',
      name: 'order',
      label: 'Urutan tampil',
      hint: '0 untuk pimpinan; angka kecil tampil lebih dulu.',
      integer: true,
      min: 0,
      max: 999,
    },
    { kind: 'textarea', name: 'bio', label: 'Riwayat singkat', max: 2000, rows: 4 },
  ],
};

const DELIVERY: Field = {
  kind: 'rows',
  name: 'deliveryChannels',
  label: 'Tempat layanan',
  hint: 'Di mana warga bisa mendapat layanan ini. Isi minimal satu.',
  required: true,
  rowLabel: 'Tempat',
  addLabel: 'Tambah tempat layanan',
  fields: [
    {
      kind: 'select',
      name: 'kind',
      label: 'Jenis',
      required: true,
      options: [
        ['kantor_opd', 'Kantor OPD'],
        ['mall_pelayanan_publik', 'Mal Pelayanan Publik'],
        ['kecamatan', 'Kantor kecamatan'],
        ['kelurahan', 'Kantor kelurahan'],
        ['online', 'Daring (online)'],
      ],
    },
    { kind: 'text', name: 'name', label: 'Nama tempat', max: 200 },
    { kind: 'text', name: 'address', label: 'Alamat', max: 300 },
    { kind: 'text', name: 'hours', label: 'Jam layanan', hint: 'Mis. Senin–Jumat 08.00–15.00 WIB', max: 200 },
    { kind: 'text', name: 'appName', label: 'Nama aplikasi', max: 120 },
    {
      kind: 'text',
      name: 'url',
      label: 'Alamat situs/aplikasi',
      hint: 'Wajib untuk layanan daring.',
      input: 'url',
    },
  ],
};

const LAYANAN: ContentForm = {
  type: 'layanan',
  newTitle: 'Tambah layanan',
  titleField: 'name',
  fields: [
    { kind: 'text', name: 'name', label: 'Nama layanan', required: true, max: 200 },
    { kind: 'textarea', name: 'summary', label: 'Ringkasan', max: 400, rows: 2 },
    {
      kind: 'lines',
      name: 'requirements',
      label: 'Persyaratan',
      hint: 'Satu persyaratan per baris.',
      required: true,
    },
    {
      kind: 'lines',
      name: 'procedure',
      label: 'Prosedur',
      hint: 'Satu langkah per baris, berurutan.',
      required: true,
    },
    {
      kind: 'text',
      name: 'processingTime',
      label: 'Waktu penyelesaian',
      hint: 'Mis. 1 hari kerja',
      required: true,
      max: 120,
    },
    {
      kind: 'text',
      name: 'fee',
      label: 'Biaya/tarif',
      hint: 'Tulis "Gratis" bila tanpa biaya.',
      required: true,
      max: 120,
    },
    { kind: 'text', name: 'output', label: 'Produk layanan', required: true, max: 300 },
    {
      kind: 'textarea',
      name: 'complaintHandling',
      label: 'Penanganan pengaduan',
      hint: 'Mis. SP4N-LAPOR!, nomor WhatsApp pengaduan, loket pengaduan.',
      required: true,
      max: 1000,
      rows: 3,
    },
    DELIVERY,
    {
      kind: 'group',
      name: 'contact',
      label: 'Kontak layanan',
      fields: [
        { kind: 'text', name: 'phone', label: 'Telepon', input: 'tel' },
        { kind: 'text', name: 'whatsapp', label: 'WhatsApp', input: 'tel' },
        { kind: 'text', name: 'email', label: 'Surel', input: 'email' },
      ],
    },
    { kind: 'lines', name: 'legalBasis', label: 'Dasar hukum', hint: 'Satu peraturan per baris.' },
    { kind: 'textarea', name: 'facilities', label: 'Sarana dan prasarana', max: 1000, rows: 2 },
    { kind: 'textarea', name: 'staffCompetence', label: 'Kompetensi pelaksana', max: 1000, rows: 2 },
    { kind: 'textarea', name: 'serviceGuarantee', label: 'Jaminan pelayanan', max: 1000, rows: 2 },
    { kind: 'text', name: 'sector', label: 'Bidang', hint: 'Mis. Kependudukan', max: 60 },
    {
      kind: 'number',
      name: 'annualUsers',
      label: 'Penerima layanan per tahun',
      hint: 'Perkiraan. Menentukan jumlah minimum responden survei kepuasan (SKM).',
      integer: true,
      min: 1,
      max: 10_000_000,
    },
    {
      kind: 'lines',
      name: 'lifeEvents',
      label: 'Peristiwa hidup',
      hint: 'Mis. kelahiran, pernikahan; satu per baris.',
    },
  ],
};

const DOKUMEN: ContentForm = {
  type: 'dokumen',
  newTitle: 'Unggah dokumen',
  titleField: 'title',
  fields: [
    title('Judul dokumen'),
    {
      kind: 'select',
      name: 'category',
      label: 'Kategori',
      required: true,
      options: [
        ['renstra', 'Renstra'],
        ['renja', 'Renja'],
        ['perjanjian_kinerja', 'Perjanjian kinerja'],
        ['lkjip', 'LKjIP'],
        ['iku', 'Indikator kinerja utama (IKU)'],
        ['rka_dpa', 'RKA/DPA'],
        ['lra', 'Laporan realisasi anggaran'],
        ['laporan_keuangan', 'Laporan keuangan'],
        ['perda', 'Peraturan daerah'],
        ['perwali', 'Peraturan wali kota'],
        ['sk', 'Surat keputusan'],
        ['sop', 'SOP'],
        ['maklumat', 'Maklumat pelayanan'],
        ['skm', 'Survei kepuasan masyarakat'],
        ['ppid_daftar_informasi_publik', 'PPID: daftar informasi publik'],
        ['ppid_laporan_layanan_informasi', 'PPID: laporan layanan informasi'],
        ['ppid_sk', 'PPID: SK'],
        ['ppid_standar_layanan', 'PPID: standar layanan'],
        ['lainnya', 'Lainnya'],
      ],
    },
    { kind: 'number', name: 'year', label: 'Tahun', required: true, integer: true, min: 2000, max: 2100 },
    {
      kind: 'number',
      name: 'yearTo',
      label: 'Sampai tahun',
      hint: 'Untuk dokumen lima tahunan, mis. Renstra 2026–2030.',
      integer: true,
      min: 2000,
      max: 2100,
    },
    {
      kind: 'select',
      name: 'informationClass',
      label: 'Klasifikasi informasi',
      required: true,
      options: [
        ['berkala', 'Berkala'],
        ['serta_merta', 'Serta-merta'],
        ['setiap_saat', 'Tersedia setiap saat'],
        ['dikecualikan', 'Dikecualikan'],
      ],
    },
    {
      kind: 'textarea',
      name: 'exemptionReason',
      label: 'Alasan pengecualian',
      hint: 'Wajib untuk informasi dikecualikan: alasan dan dasar hukumnya.',
      max: 1000,
      rows: 3,
    },
    { kind: 'files', name: 'files', label: 'Berkas', hint: 'PDF atau dokumen kantor.' },
    { kind: 'textarea', name: 'summary', label: 'Keterangan', max: 1000, rows: 3 },
  ],
};

const INDIKATOR: ContentForm = {
  type: 'indikator',
  newTitle: 'Tambah indikator kinerja',
  titleField: 'name',
  fields: [
    { kind: 'text', name: 'name', label: 'Nama indikator', required: true, max: 200 },
    {
      kind: 'text',
      name: 'unit',
      label: 'Satuan',
      hint: 'Mis. persen, hari, dokumen',
      required: true,
      max: 40,
    },
    {
      kind: 'select',
      name: 'direction',
      label: 'Arah',
      required: true,
      options: [
        ['higher_is_better', 'Makin tinggi makin baik'],
        ['lower_is_better', 'Makin rendah makin baik'],
      ],
    },
    { kind: 'number', name: 'baselineYear', label: 'Tahun dasar', integer: true, min: 2000, max: 2100 },
    { kind: 'number', name: 'baselineValue', label: 'Nilai dasar' },
    {
      kind: 'rows',
      name: 'values',
      label: 'Target dan realisasi per tahun',
      hint: 'Kosongkan realisasi bila belum ada. Desimal boleh memakai koma.',
      required: true,
      rowLabel: 'Tahun',
      addLabel: 'Tambah tahun',
      blankRows: 3,
      fields: [
        { kind: 'number', name: 'year', label: 'Tahun', required: true, integer: true, min: 2000, max: 2100 },
        { kind: 'number', name: 'target', label: 'Target', required: true },
        { kind: 'number', name: 'actual', label: 'Realisasi' },
      ],
    },
    { kind: 'number', name: 'order', label: 'Urutan tampil', integer: true, min: 0, max: 999 },
  ],
};

const GALERI: ContentForm = {
  type: 'galeri',
  newTitle: 'Buat album galeri',
  titleField: 'title',
  fields: [
    title('Judul album'),
    { kind: 'textarea', name: 'description', label: 'Keterangan album', max: 1000, rows: 2 },
    {
      kind: 'rows',
      name: 'items',
      label: 'Isi album',
      hint: 'Foto dari kamera/galeri, atau tautan video YouTube/Vimeo.',
      required: true,
      rowLabel: 'Isi',
      addLabel: 'Tambah foto/video',
      blankRows: 2,
      fields: [
        {
          kind: 'select',
          name: 'kind',
          label: 'Jenis',
          required: true,
          options: [
            ['image', 'Foto'],
            ['video', 'Video'],
          ],
        },
        { kind: 'photo', name: 'image', label: 'Foto' },
        { kind: 'text', name: 'videoUrl', label: 'Tautan video', input: 'url' },
        { kind: 'text', name: 'caption', label: 'Keterangan', max: 300 },
      ],
    },
  ],
};

export const CONTENT_FORMS: Record<string, ContentForm> = Object.fromEntries(
  [BERITA, PENGUMUMAN, AGENDA, HALAMAN, PEJABAT, LAYANAN, DOKUMEN, INDIKATOR, GALERI].map((form) => [
    form.type,
    form,
  ]),
);
