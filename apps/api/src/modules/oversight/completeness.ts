/**
 * How complete and current an OPD's public site is, scored 0–100 in the Komisi Informasi monev's bands, with
 * the reason behind every point. A pure function of what citizens can see now and of the date: a deadline
 * that passes lowers the score without anyone touching the content.
 */
export interface SiteFacts {
  contact: { phone?: string; address?: string; email?: string };
  items: Array<{
    type: string;
    category: string | null;
    year: number | null;
    tags: string[];
    publishedAt: Date | string;
    fields: Record<string, unknown>;
  }>;
}

/** One thing the city expects, met or not. `text` is the missing-item wording, `values` fill it in. */
export interface Check {
  code: string;
  weight: number;
  met: boolean;
  text: string;
  values?: Record<string, string | number>;
}

export const BANDS = [
  { min: 90, band: 'informatif', label: 'Informatif' },
  { min: 80, band: 'menuju_informatif', label: 'Menuju Informatif' },
  { min: 60, band: 'cukup_informatif', label: 'Cukup Informatif' },
  { min: 40, band: 'kurang_informatif', label: 'Kurang Informatif' },
  { min: 0, band: 'tidak_informatif', label: 'Tidak Informatif' },
] as const;

export interface Completeness {
  score: number;
  band: (typeof BANDS)[number]['band'];
  bandLabel: string;
  checks: Check[];
}

export const DAY_MS = 86_400_000;
/** LKjIP of a year is due by the end of March of the next (Permenpan RB 53/2014). */
const LKJIP_DUE_MONTH = 3;

function jakartaDate(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: 'numeric',
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return { year: Number(parts['year']), month: Number(parts['month']) };
}

export function assess(facts: SiteFacts, now: Date): Completeness {
  const { year, month } = jakartaDate(now);
  const age = (item: SiteFacts['items'][number]) =>
    (now.getTime() - new Date(item.publishedAt).getTime()) / DAY_MS;
  const of = (type: string) => facts.items.filter((item) => item.type === type);
  const pages = new Set(of('halaman').map((page) => page.category));
  const documents = of('dokumen');
  const document = (category: string, documentYear?: number) =>
    documents.some((d) => d.category === category && (documentYear === undefined || d.year === documentYear));
  const lkjipYear = month > LKJIP_DUE_MONTH ? year - 1 : year - 2;
  const renstraInForce = documents.some((d) => {
    const to = typeof d.fields['yearTo'] === 'number' ? d.fields['yearTo'] : (d.year ?? 0) + 4;
    return d.category === 'renstra' && d.year !== null && d.year <= year && year <= to;
  });
  const check = (
    code: string,
    weight: number,
    met: boolean,
    text: string,
    values?: Check['values'],
  ): Check => (values ? { code, weight, met, text, values } : { code, weight, met, text });

  const checks = [
    check('contact.phone', 5, Boolean(facts.contact.phone), 'Belum ada nomor telepon'),
    check('contact.address', 4, Boolean(facts.contact.address), 'Belum ada alamat kantor'),
    check('contact.email', 3, Boolean(facts.contact.email), 'Belum ada email resmi'),
    check('profile.vision', 6, pages.has('visi-misi'), 'Belum ada halaman visi dan misi'),
    check('profile.duties', 6, pages.has('tupoksi'), 'Belum ada halaman tugas pokok dan fungsi'),
    check('profile.structure', 5, pages.has('struktur-organisasi'), 'Belum ada struktur organisasi'),
    check('profile.officials', 5, of('pejabat').length > 0, 'Belum ada data pejabat'),
    check('services.published', 10, of('layanan').length > 0, 'Belum ada layanan yang diterbitkan'),
    check(
      'services.pledge',
      6,
      document('maklumat') || pages.has('maklumat'),
      'Maklumat pelayanan belum diunggah',
    ),
    check(
      'services.survey',
      5,
      documents.some((d) => d.category === 'skm' && age(d) <= 365),
      'Hasil survei kepuasan masyarakat 12 bulan terakhir belum diunggah',
    ),
    check('ppid.profile', 6, pages.has('ppid'), 'Belum ada profil PPID'),
    check(
      'ppid.list',
      8,
      document('ppid_daftar_informasi_publik'),
      'Daftar informasi publik (PPID) belum diunggah',
    ),
    check(
      'ppid.periodic',
      4,
      documents.some((d) => d.tags.includes('berkala') && age(d) <= 183),
      'Informasi berkala tidak diperbarui dalam 6 bulan',
    ),
    check('performance.renstra', 4, renstraInForce, 'Renstra yang berlaku belum diunggah'),
    check('performance.renja', 6, document('renja', year), 'Renja {year} belum diunggah', { year }),
    check(
      'performance.agreement',
      4,
      document('perjanjian_kinerja', year),
      'Perjanjian kinerja {year} belum diunggah',
      { year },
    ),
    check('performance.report', 5, document('lkjip', lkjipYear), 'LKjIP {year} belum diunggah', {
      year: lkjipYear,
    }),
    check(
      'news.monthly',
      8,
      of('berita').some((news) => age(news) <= 30),
      'Tidak ada berita dalam 30 hari terakhir',
    ),
  ];
  const score = checks.reduce((sum, item) => sum + (item.met ? item.weight : 0), 0);
  const band = BANDS.find((entry) => score >= entry.min)!;
  return { score, band: band.band, bandLabel: band.label, checks };
}
