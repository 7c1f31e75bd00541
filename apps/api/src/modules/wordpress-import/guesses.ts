import { type DOCUMENT_CATEGORIES, type INFORMATION_CLASSES } from '../content/types/dokumen';
import { type PAGE_KINDS } from '../content/types/halaman';

type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
type InformationClass = (typeof INFORMATION_CLASSES)[number];

/** What a document's title says of its category, most specific first (titles as OPDs write them). */
const CATEGORY_WORDS: Array<[RegExp, DocumentCategory]> = [
  [/\brenstra\b|rencana strategis/i, 'renstra'],
  [/perjanjian kinerja|\bpk\b/i, 'perjanjian_kinerja'],
  [/\blkjip\b|\blakip\b|laporan kinerja/i, 'lkjip'],
  [/\biku\b|indikator kinerja utama/i, 'iku'],
  [/\brka\b|\bdpa\b|rencana kerja (dan )?anggaran|dokumen pelaksanaan anggaran/i, 'rka_dpa'],
  [/\brenja\b|rencana kerja/i, 'renja'],
  [/\blra\b|realisasi anggaran/i, 'lra'],
  [/laporan keuangan|neraca/i, 'laporan_keuangan'],
  [/\bperda\b|peraturan daerah/i, 'perda'],
  [/\bperwa?l[i]?\b|peraturan wali ?kota/i, 'perwali'],
  [/daftar informasi publik|\bdip\b/i, 'ppid_daftar_informasi_publik'],
  [/laporan (layanan|pelayanan) informasi/i, 'ppid_laporan_layanan_informasi'],
  [/standar layanan informasi/i, 'ppid_standar_layanan'],
  [/\bsk\b.*ppid|ppid.*\bsk\b/i, 'ppid_sk'],
  [/\bskm\b|survei kepuasan/i, 'skm'],
  [/\bsop\b|standar operasional/i, 'sop'],
  [/maklumat/i, 'maklumat'],
  [/\bsk\b|surat keputusan|keputusan (kepala|wali ?kota)/i, 'sk'],
];

/** UU 14/2008: rules, decisions and procedures are available at any time; plans, budgets and reports are periodic. */
const AT_ANY_TIME = new Set<DocumentCategory>([
  'perda',
  'perwali',
  'sk',
  'sop',
  'maklumat',
  'ppid_daftar_informasi_publik',
  'ppid_sk',
  'ppid_standar_layanan',
  'lainnya',
]);

export interface DocumentGuess {
  category: DocumentCategory;
  informationClass: InformationClass;
  year: number;
  yearTo?: number;
  /** What a person should check, in Bahasa Indonesia: the parts the title did not say. */
  review: string[];
}

/**
 * A document's category, information class and year from its title (e.g. "Renstra Dinas Kesehatan 2021-2026"),
 * the year falling back to when it was uploaded; whatever the title did not say is flagged for review.
 */
export function guessDocument(title: string, uploadedYear: number): DocumentGuess {
  const review: string[] = [];
  const category = CATEGORY_WORDS.find(([words]) => words.test(title))?.[1] ?? 'lainnya';
  if (category === 'lainnya') review.push('kategori dokumen tidak terbaca dari judul');
  const urgent = /serta[ -]?merta|bencana|darurat|wabah/i.test(title);
  const informationClass: InformationClass = urgent
    ? 'serta_merta'
    : AT_ANY_TIME.has(category)
      ? 'setiap_saat'
      : 'berkala';
  if (category === 'lainnya' && !urgent) review.push('klasifikasi informasi ditebak: setiap saat');
  const years = [...title.matchAll(/\b(20\d{2})\b/g)].map((match) => Number(match[1]));
  const year = years[0] ?? Math.min(2100, Math.max(2000, uploadedYear));
  if (!years.length) review.push(`tahun tidak ada di judul: diambil dari tanggal unggah (${year})`);
  const yearTo = years.length > 1 && years[1]! > year ? years[1] : undefined;
  return { category, informationClass, year, ...(yearTo ? { yearTo } : {}), review };
}

const PAGE_WORDS: Array<[RegExp, (typeof PAGE_KINDS)[number]]> = [
  [/sejarah/i, 'sejarah'],
  [/visi|misi/i, 'visi-misi'],
  [/tupoksi|tugas pokok|tugas dan fungsi/i, 'tupoksi'],
  [/struktur organisasi|bagan organisasi|\bstruktur\b/i, 'struktur-organisasi'],
  [/maklumat/i, 'maklumat'],
  [/\bppid\b|informasi publik/i, 'ppid'],
  [/profil|tentang kami/i, 'profil'],
];

/** Which profile page a WordPress page is, by its title or slug; free pages are 'lainnya'. */
export function guessPageKind(title: string, slug: string): (typeof PAGE_KINDS)[number] {
  const text = `${title} ${slug.replace(/-/g, ' ')}`;
  return PAGE_WORDS.find(([words]) => words.test(text))?.[1] ?? 'lainnya';
}
