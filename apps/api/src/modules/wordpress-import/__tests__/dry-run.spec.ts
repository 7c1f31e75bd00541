import { Readable } from 'node:stream';
import { type FixturePost, wxrExport } from '../../../bench/wxr-fixture';
import { dryRun } from '../dry-run';
import { indexSource } from '../import-plan';
import { guessDocument, guessPageKind } from '../guesses';

const BASE = 'https://dishub.bandarlampungkota.go.id';
const uploads = (file: string) => `${BASE}/wp-content/uploads/2022/03/${file}`;

const POSTS: FixturePost[] = [
  {
    id: 10,
    type: 'attachment',
    title: 'Foto razia',
    attachmentUrl: uploads('razia.jpg'),
    meta: { _wp_attachment_image_alt: 'Petugas memeriksa kendaraan' },
  },
  {
    id: 11,
    type: 'attachment',
    title: 'Renstra Dinas Perhubungan 2021-2026',
    attachmentUrl: uploads('renstra.pdf'),
  },
  {
    id: 12,
    type: 'attachment',
    title: 'Lampiran rapat',
    attachmentUrl: uploads('lampiran.docx'),
    date: '2022-03-01 08:00:00',
  },
  { id: 13, type: 'attachment', title: 'Video', attachmentUrl: uploads('video.mp4') },
  {
    id: 20,
    title: 'Razia Kendaraan Angkutan Barang',
    slug: 'razia-kendaraan',
    date: '2022-03-14 09:00:00',
    content: 'Petugas memeriksa kendaraan.\n\n[gallery ids="10,99"]',
    categories: [['berita', 'Berita Dinas']],
    tags: [
      ['razia', 'Razia'],
      ['angkutan', 'Angkutan'],
    ],
    creator: 'humas',
    meta: { _thumbnail_id: '10' },
  },
  { id: 21, title: 'Draf pengumuman', status: 'draft' },
  { id: 22, title: 'Catatan internal', status: 'private' },
  { id: 23, title: 'Rahasia', password: 'sandi' },
  { id: 24, title: 'Terjadwal', status: 'future', date: '2030-01-01 08:00:00' },
  { id: 25, title: 'Dibuang', status: 'trash' },
  { id: 26, title: 'Sampul hilang', meta: { _thumbnail_id: '777' } },
  { id: 30, type: 'page', title: 'Profil', slug: 'profil' },
  { id: 31, type: 'page', title: 'Visi dan Misi', slug: 'visi-misi', parent: 30, menuOrder: 2 },
  { id: 40, type: 'nav_menu_item', title: 'Beranda' },
  { id: 41, type: 'revision', title: 'Razia (revisi)' },
];

describe('the dry run of a WordPress import', () => {
  it('maps every item, keeps nothing unpublished as published, and says what it skips and what needs a look', async () => {
    const text = wxrExport({ baseUrl: BASE, authors: [['humas', 'Tim Humas Dishub']] }, [
      ...POSTS,
      { id: 50, type: 'agenda_event' as FixturePost['type'], title: 'Jenis buatan plugin' },
    ]);
    const report = await dryRun(() => Readable.from([text]));
    expect(report.site).toEqual({ title: 'Dinas Contoh', baseUrl: BASE, wxrVersion: '1.2' });
    expect(report.totals).toEqual({
      items: 16,
      berita: 6,
      halaman: 2,
      dokumen: 2,
      media: 1,
      skipped: 5,
      drafts: 4,
      review: 4,
      warnings: 3,
      oldUrls: expect.any(Number),
    });
    expect(report.skipped.map((item) => [item.sourceId, item.reason])).toEqual([
      [13, 'jenis berkas tidak didukung (mp4)'],
      [25, 'ada di tempat sampah WordPress'],
      [40, 'bukan konten situs (nav_menu_item)'],
      [41, 'bukan konten situs (revision)'],
      [50, 'jenis konten "agenda_event" tidak dikenal Laman'],
    ]);
    const berita = report.sample.filter((plan) => plan.kind === 'berita');
    expect(berita.find((plan) => plan.sourceId === 20)).toEqual({
      sourceId: 20,
      sourceType: 'post',
      kind: 'berita',
      title: 'Razia Kendaraan Angkutan Barang',
      publish: true,
      publishedAt: '2022-03-14T02:00:00.000Z',
      oldUrls: [`${BASE}/2022/03/razia-kendaraan/`, `${BASE}/?p=20`],
      review: [],
      warnings: ['Galeri menyebut lampiran 99 yang tidak ada di berkas ekspor'],
      category: 'Berita Dinas',
      tags: ['Razia', 'Angkutan'],
      author: 'Tim Humas Dishub',
      coverSourceId: 10,
    });
    // Drafts, private, protected and scheduled posts come in as drafts, each said why.
    const publishOf = (id: number) => report.sample.find((plan) => plan.sourceId === id)?.publish;
    expect([21, 22, 23, 24].map(publishOf)).toEqual([false, false, false, false]);
    expect(report.review.map((noted) => [noted.sourceId, noted.notes])).toEqual([
      [
        12,
        [
          'kategori dokumen tidak terbaca dari judul',
          'klasifikasi informasi ditebak: setiap saat',
          'tahun tidak ada di judul: diambil dari tanggal unggah (2022)',
        ],
      ],
      [22, ['privat di WordPress: masuk sebagai draf']],
      [23, ['dilindungi kata sandi di WordPress: masuk sebagai draf']],
      [24, ['terjadwal di WordPress: masuk sebagai draf']],
    ]);
    expect(report.warnings.map((noted) => [noted.sourceId, noted.notes])).toEqual([
      [20, ['Galeri menyebut lampiran 99 yang tidak ada di berkas ekspor']],
      [26, ['Foto sampul (lampiran 777) tidak ada di berkas ekspor']],
      [31, ['halaman di bawah "Profil" di WordPress: di menu Profil menyusul induknya']],
    ]);
    const page = report.sample.find((plan) => plan.sourceId === 31);
    // The tree read depth-first: the parent page first, its child right after it.
    expect(page).toMatchObject({ kind: 'halaman', pageKind: 'visi-misi', parentSourceId: 30, menuOrder: 1 });
    expect(report.sample.find((plan) => plan.sourceId === 30)).toMatchObject({ menuOrder: 0 });
    const renstra = report.sample.find((plan) => plan.sourceId === 11);
    expect(renstra).toMatchObject({
      kind: 'dokumen',
      publish: true,
      document: { category: 'renstra', informationClass: 'berkala', year: 2021, yearTo: 2026, review: [] },
    });
  });
});

describe('guesses from titles', () => {
  it.each([
    [
      'Renstra Dinas Perhubungan 2021-2026',
      { category: 'renstra', informationClass: 'berkala', year: 2021, yearTo: 2026 },
    ],
    ['Rencana Kerja dan Anggaran 2024', { category: 'rka_dpa', informationClass: 'berkala', year: 2024 }],
    ['LAKIP Tahun 2023', { category: 'lkjip', informationClass: 'berkala', year: 2023 }],
    [
      'Peraturan Wali Kota Nomor 12 Tahun 2022',
      { category: 'perwali', informationClass: 'setiap_saat', year: 2022 },
    ],
    [
      'Informasi Serta Merta Banjir Rob',
      { category: 'lainnya', informationClass: 'serta_merta', year: 2020 },
    ],
    ['SOP Pelayanan Izin Trayek', { category: 'sop', informationClass: 'setiap_saat', year: 2020 }],
  ])('%s', (title, expected) => {
    expect(guessDocument(title, 2020)).toMatchObject(expected);
  });

  it('flags what the title did not say', () => {
    expect(guessDocument('Lampiran rapat', 2022).review).toEqual([
      'kategori dokumen tidak terbaca dari judul',
      'klasifikasi informasi ditebak: setiap saat',
      'tahun tidak ada di judul: diambil dari tanggal unggah (2022)',
    ]);
  });

  it.each([
    ['Sejarah Singkat', 'sejarah-singkat', 'sejarah'],
    ['Tugas Pokok dan Fungsi', 'tupoksi', 'tupoksi'],
    ['Bagan', 'struktur-organisasi', 'struktur-organisasi'],
    ['Kontak Kami', 'kontak', 'lainnya'],
  ])('page %s is %s', (title, slug, kind) => {
    expect(guessPageKind(title, slug)).toBe(kind);
  });
});

describe("the old site's page tree in Laman's one-level Profil menu", () => {
  it('places each page after its parent, siblings by their order, a page whose parent is gone at the top', async () => {
    const text = wxrExport({ baseUrl: BASE }, [
      { id: 1, type: 'page', title: 'Tentang Kami', menuOrder: 2 },
      { id: 2, type: 'page', title: 'Kontak', menuOrder: 1 },
      { id: 3, type: 'page', title: 'Struktur Organisasi', parent: 1, menuOrder: 0 },
      { id: 4, type: 'page', title: 'Bidang Lalu Lintas', parent: 3, menuOrder: 0 },
      { id: 5, type: 'page', title: 'Halaman yatim', parent: 999, menuOrder: 5 },
      { id: 6, type: 'page', title: 'Dibuang', parent: 1, status: 'trash' },
    ]);
    const index = await indexSource(Readable.from([Buffer.from(text)]));
    expect([...index.pages].map(([id, page]) => [id, page.order])).toEqual([
      [2, 0],
      [1, 1],
      [3, 2],
      [4, 3],
      [5, 4],
    ]);
  });
});
