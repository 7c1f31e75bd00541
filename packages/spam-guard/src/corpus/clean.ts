/**
 * Genuine government text that must never be held: news, service standards, announcements — including the
 * words spam also uses in other senses ("slot waktu", a man named Toto, "bola" in sport news, news about
 * fighting online gambling) and ordinary links.
 */
export interface CleanCase {
  id: string;
  text?: string;
  link?: { href: string; text: string };
  alt?: string;
}

export const CLEAN_CORPUS: readonly CleanCase[] = [
  {
    id: 'ktp',
    text: 'Disdukcapil Kota Bandar Lampung membuka layanan perekaman KTP-el keliling di 20 kecamatan mulai Senin, 7 Desember 2026.',
  },
  {
    id: 'slot-waktu',
    text: 'Pemohon memilih slot waktu layanan melalui aplikasi antrean; setiap slot berlaku 15 menit.',
  },
  {
    id: 'slot-parkir',
    text: 'Dishub menambah 120 slot parkir di kawasan Pasar Bambu Kuning untuk mengurangi parkir liar.',
  },
  {
    id: 'slot-server',
    text: 'Diskominfotik menyiapkan slot server baru di pusat data untuk aplikasi layanan publik.',
  },
  {
    id: 'toto-name',
    text: 'Kepala Bidang Perencanaan, Ir. Toto Sudarto, M.T., membuka Musrenbang Kecamatan Kedaton.',
  },
  { id: 'totok', text: 'Camat Totok Suprapto menyerahkan bantuan sembako kepada warga terdampak banjir.' },
  { id: 'sutoto', text: 'Lurah Sutoto mengajak warga bergotong royong membersihkan saluran air.' },
  {
    id: 'bola',
    text: 'Tim sepak bola pelajar Bandar Lampung meraih juara dua Liga Bola Pelajar Provinsi Lampung 2026.',
  },
  {
    id: 'bola-voli',
    text: 'Dispora menggelar turnamen bola voli antarkelurahan memperingati Hari Sumpah Pemuda.',
  },
  {
    id: 'raid',
    text: 'Satpol PP bersama Polresta Bandar Lampung menertibkan lokasi perjudian dan menyita kartu serta uang taruhan.',
  },
  {
    id: 'judol-campaign',
    text: 'Diskominfotik mengajak masyarakat melaporkan situs judi online; sepanjang 2026 ada 1.200 konten judi slot yang diajukan untuk diblokir.',
  },
  {
    id: 'judol-warning',
    text: 'Waspada judol: jangan tergiur janji menang besar dari judi online, togel, maupun judi bola.',
  },
  {
    id: 'asn-judol',
    text: 'ASN yang terbukti terlibat judi online dikenai sanksi disiplin sesuai PP 94 Tahun 2021.',
  },
  { id: 'coretan', text: 'Warga juga coretan di dinding halte dibersihkan bersama oleh relawan kebersihan.' },
  {
    id: 'foto-gelap',
    text: 'Foto gelap dari kamera pengawas menyulitkan identifikasi kendaraan, kata Kepala Dishub.',
  },
  {
    id: 'cor-beton',
    text: 'Pembangunan jalan lingkungan menggunakan cor beton sepanjang 300 meter, dan juga cor saluran drainase.',
  },
  { id: 'harga', text: 'Harga cabai merah di Pasar Tugu turun menjadi Rp45.000 per kilogram.' },
  { id: 'deposito', text: 'Bunga deposito dana bergulir koperasi dicatat sebagai pendapatan sah daerah.' },
  { id: 'pulsa', text: 'Pengisian pulsa listrik prabayar kini bisa dilakukan di kantor kelurahan.' },
  { id: 'depo-brt', text: 'Depo bus Trans Bandar Lampung di Rajabasa direnovasi; armada tetap beroperasi.' },
  { id: 'maksimal', text: 'Pelayanan maksimal 3 hari kerja sejak berkas dinyatakan lengkap.' },
  {
    id: 'bonus-demografi',
    text: 'Bappeda membahas bonus demografi dan peluang kerja bagi anggota baru angkatan kerja.',
  },
  {
    id: 'jackpot-drill',
    text: 'Latihan tanggap bencana digelar di Kecamatan Teluk Betung Selatan pada pukul 08.00 WIB.',
  },
  { id: 'olahraga', text: 'Zeus, maskot Pekan Olahraga Kota, tampil di pembukaan bersama 2.000 atlet.' },
  { id: 'olympus', text: 'Dokumentasi kegiatan diambil dengan kamera Olympus milik Bagian Protokol.' },
  {
    id: 'rtp',
    text: 'RTP (Ruang Terbuka Publik) Kelurahan Way Halim direvitalisasi dengan taman bermain anak.',
  },
  { id: 'live', text: 'Saksikan siaran live Musrenbang Kota melalui kanal YouTube resmi Pemerintah Kota.' },
  {
    id: 'scatter',
    text: 'Grafik sebar (scatter plot) menunjukkan hubungan IPM dan angka kemiskinan per kecamatan.',
  },
  { id: 'hitam', text: 'Daftar hitam penyedia barang dan jasa diumumkan oleh Bagian Pengadaan.' },
  { id: 'member', text: 'Anggota baru (new member) Forum Anak Kota dilantik oleh Wali Kota.' },
  { id: 'poker-face', text: 'Lomba mewarnai diikuti 300 anak TK se-Kecamatan Sukarame.' },
  { id: 'angka', text: 'Realisasi PAD triwulan III mencapai 88 persen dari target Rp777 miliar.' },
  { id: 'kode', text: 'Nomor pengaduan layanan: 0721-123456 atau SMS ke 0812-7777-8888.' },
  {
    id: 'sk',
    text: 'Keputusan Wali Kota Nomor 188/45/IV.05/2026 tentang Standar Pelayanan Dinas Perizinan.',
  },
  {
    id: 'skm',
    text: 'Hasil Survei Kepuasan Masyarakat (SKM) semester I: nilai 88,12 dengan mutu pelayanan B (Baik).',
  },
  {
    id: 'standar',
    text: 'Persyaratan: fotokopi KTP, KK, dan surat pengantar RT/RW. Waktu penyelesaian: 1 hari. Biaya: Rp0 (gratis).',
  },
  {
    id: 'pengumuman',
    text: 'Pengumuman: pendaftaran seleksi PPPK dibuka 1–15 Desember 2026 melalui portal SSCASN.',
  },
  {
    id: 'serta-merta',
    text: 'Peringatan dini: hujan lebat disertai angin kencang diperkirakan terjadi sore ini. Warga diminta waspada.',
  },
  { id: 'kinerja', text: 'Capaian IKU persentase jalan mantap tahun 2025 sebesar 82,4% dari target 85%.' },
  {
    id: 'ppid',
    text: 'Permohonan informasi publik dijawab paling lambat 10 hari kerja dan dapat diperpanjang 7 hari kerja.',
  },
  {
    id: 'english',
    text: 'The city government welcomes investors; slots for the business forum are limited to 100 participants.',
  },
  {
    id: 'gacoan',
    text: 'UMKM kuliner lokal bersaing dengan gerai mi gacoan yang baru dibuka di Jalan Teuku Umar.',
  },
  { id: 'akun', text: 'Buat akun profesional di portal perizinan untuk mengurus NIB secara daring.' },
  {
    id: 'link-kominfo',
    link: {
      href: 'https://www.komdigi.go.id/berita/pemblokiran-situs-judi-online',
      text: 'Komdigi blokir 5.000 situs judi online',
    },
  },
  {
    id: 'link-detik',
    link: {
      href: 'https://news.detik.com/berita/d-7000000/polisi-tangkap-bandar-judi-online',
      text: 'Polisi tangkap bandar judi online',
    },
  },
  {
    id: 'link-youtube',
    link: { href: 'https://www.youtube.com/watch?v=abc123', text: 'Rekaman Musrenbang' },
  },
  { id: 'link-wa', link: { href: 'https://wa.me/6281277778888', text: 'Hubungi kami lewat WhatsApp' } },
  {
    id: 'link-maps',
    link: { href: 'https://maps.google.com/?q=Kantor+Wali+Kota+Bandar+Lampung', text: 'Lokasi kantor' },
  },
  {
    id: 'link-instagram',
    link: { href: 'https://www.instagram.com/diskominfotik_bdl/', text: 'Instagram resmi' },
  },
  {
    id: 'link-lapor',
    link: { href: 'https://www.lapor.go.id/', text: 'Sampaikan aduan melalui SP4N-LAPOR!' },
  },
  {
    id: 'link-bola',
    link: { href: 'https://www.bola.com/indonesia/read/123/persiraja', text: 'Berita sepak bola' },
  },
  {
    id: 'link-sport-slot',
    link: { href: 'https://contoh.com/jadwal-slot-waktu-stadion', text: 'Jadwal pemakaian stadion' },
  },
  { id: 'alt-kegiatan', alt: 'Wali Kota meninjau slot antrean layanan di Mal Pelayanan Publik' },
  { id: 'alt-toto', alt: 'Pak Toto menyerahkan piala juara sepak bola' },
  { id: 'alt-judol', alt: 'Spanduk sosialisasi bahaya judi online di Tugu Adipura' },
];
