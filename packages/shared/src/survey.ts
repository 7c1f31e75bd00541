/**
 * The community satisfaction survey (Survei Kepuasan Masyarakat, Permenpan RB 14/2017): its nine elements as
 * the OPD site asks them, the respondent's profile, and the index computed from the answers — one definition
 * for the site's form, the API's rules and pages, and the admin's tables.
 */
export interface SkmElement {
  /** The form field (`u1`…`u9`). */
  name: `u${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;
  /** The element as the regulation names it (the report tables' column). */
  label: string;
  /** The question in plain Bahasa Indonesia. */
  question: string;
  /** What 1, 2, 3 and 4 mean for this question. */
  scale: readonly [string, string, string, string];
}

const SUITABLE = ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] as const;

export const SKM_ELEMENTS: readonly SkmElement[] = [
  {
    name: 'u1',
    label: 'Persyaratan',
    question: 'Apakah persyaratan layanan sesuai dengan yang diumumkan?',
    scale: SUITABLE,
  },
  {
    name: 'u2',
    label: 'Sistem, mekanisme, dan prosedur',
    question: 'Seberapa mudah prosedur layanan ini diikuti?',
    scale: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    name: 'u3',
    label: 'Waktu penyelesaian',
    question: 'Apakah layanan selesai dalam waktu yang dijanjikan?',
    scale: ['Tidak tepat waktu', 'Kurang tepat waktu', 'Tepat waktu', 'Lebih cepat'],
  },
  {
    name: 'u4',
    label: 'Biaya/tarif',
    question: 'Apakah biaya yang Anda bayar wajar dan sesuai ketentuan (atau gratis seperti dijanjikan)?',
    scale: ['Sangat mahal/ada pungutan', 'Cukup mahal', 'Murah', 'Gratis/sesuai ketentuan'],
  },
  {
    name: 'u5',
    label: 'Produk spesifikasi jenis pelayanan',
    question: 'Apakah hasil layanan yang Anda terima sesuai dengan yang dijanjikan?',
    scale: SUITABLE,
  },
  {
    name: 'u6',
    label: 'Kompetensi pelaksana',
    question: 'Seberapa mampu petugas menyelesaikan keperluan Anda?',
    scale: ['Tidak mampu', 'Kurang mampu', 'Mampu', 'Sangat mampu'],
  },
  {
    name: 'u7',
    label: 'Perilaku pelaksana',
    question: 'Seberapa sopan dan ramah petugas melayani Anda?',
    scale: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    name: 'u8',
    label: 'Penanganan pengaduan, saran, dan masukan',
    question: 'Bagaimana penanganan pengaduan, saran, dan masukan di layanan ini?',
    scale: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Kurang maksimal', 'Dikelola dengan baik'],
  },
  {
    name: 'u9',
    label: 'Sarana dan prasarana',
    question: 'Bagaimana kualitas sarana dan prasarana (ruang tunggu, toilet, akses disabilitas, situs)?',
    scale: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
];

/** The respondent's profile (all optional): the regulation's questionnaire asks these four. */
export const SKM_PROFILE = {
  ageBand: {
    label: 'Usia',
    options: [
      { value: 'lt20', label: 'Di bawah 20 tahun' },
      { value: '20_29', label: '20–29 tahun' },
      { value: '30_39', label: '30–39 tahun' },
      { value: '40_49', label: '40–49 tahun' },
      { value: '50_59', label: '50–59 tahun' },
      { value: '60plus', label: '60 tahun ke atas' },
    ],
  },
  sex: {
    label: 'Jenis kelamin',
    options: [
      { value: 'laki_laki', label: 'Laki-laki' },
      { value: 'perempuan', label: 'Perempuan' },
    ],
  },
  education: {
    label: 'Pendidikan terakhir',
    options: [
      { value: 'sd', label: 'SD atau di bawahnya' },
      { value: 'smp', label: 'SMP' },
      { value: 'sma', label: 'SMA/SMK' },
      { value: 'diploma', label: 'D1–D3' },
      { value: 's1', label: 'D4/S1' },
      { value: 's2plus', label: 'S2 ke atas' },
    ],
  },
  occupation: {
    label: 'Pekerjaan',
    options: [
      { value: 'asn', label: 'PNS/ASN' },
      { value: 'tni_polri', label: 'TNI/Polri' },
      { value: 'swasta', label: 'Pegawai swasta' },
      { value: 'wirausaha', label: 'Wirausaha' },
      { value: 'pelajar', label: 'Pelajar/mahasiswa' },
      { value: 'lainnya', label: 'Lainnya' },
    ],
  },
} as const;

export type SkmProfileField = keyof typeof SKM_PROFILE;
export const SKM_PROFILE_FIELDS = Object.keys(SKM_PROFILE) as SkmProfileField[];

/** Where the survey lives on every OPD site (the edge hands these paths to the API). */
export const SKM_PATHS = {
  results: 'survei/',
  submit: 'survei/isi',
  challenge: 'survei/tantangan',
} as const;

/** The grade of an index (25–100) with its meaning (mutu pelayanan). */
export interface SkmGrade {
  grade: 'A' | 'B' | 'C' | 'D';
  label: string;
}

/** Grades by the index's lower bound, the highest first (Permenpan RB 14/2017, annex). */
const GRADES: ReadonlyArray<SkmGrade & { from: number }> = [
  { from: 88.31, grade: 'A', label: 'Sangat baik' },
  { from: 76.61, grade: 'B', label: 'Baik' },
  { from: 65, grade: 'C', label: 'Kurang baik' },
  { from: 25, grade: 'D', label: 'Tidak baik' },
];

export function skmGrade(index: number): SkmGrade {
  const found = GRADES.find((band) => index >= band.from) ?? GRADES.at(-1)!;
  return { grade: found.grade, label: found.label };
}

/** The survey's result over a set of answers: per element its average (NRR), and the index with its grade. */
export interface SkmResult {
  respondents: number;
  /** NRR per element, in SKM_ELEMENTS order (1–4, two decimals); null when nobody answered. */
  elements: Array<number | null>;
  /** The unit's index (IKM, 25–100, two decimals), or null without respondents. */
  index: number | null;
  grade: SkmGrade | null;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/**
 * The index from the answers' sums per element: NRR = sum ÷ respondents; the index is the nine NRR weighted
 * 1/9 each (the regulation writes 0.111), times 25. Computed from the unrounded averages, rounded once.
 */
export function skmResult(respondents: number, sums: readonly number[]): SkmResult {
  if (respondents === 0) return { respondents, elements: sums.map(() => null), index: null, grade: null };
  const averages = sums.map((sum) => sum / respondents);
  const index = twoDecimals((averages.reduce((total, nrr) => total + nrr, 0) / averages.length) * 25);
  return { respondents, elements: averages.map(twoDecimals), index, grade: skmGrade(index) };
}

/**
 * The minimum number of respondents for a population of `served` people (Krejcie & Morgan 1970, the table the
 * regulation refers to: χ² = 3.841, P = 0.5, 5% margin), up to 384 for a very large or unknown population.
 */
export function skmMinimumRespondents(served: number | null): number {
  if (served === null || !Number.isFinite(served)) return 384;
  const population = Math.max(0, Math.floor(served));
  const chiSquare = 3.841;
  const needed = (chiSquare * population * 0.25) / (0.05 ** 2 * (population - 1) + chiSquare * 0.25);
  // The table rounds to the nearest whole respondent.
  return Math.min(population, Math.round(needed));
}

/** A survey period: a year, a semester (S1, S2) or a quarter (T1–T4, triwulan). */
export interface SkmPeriod {
  key: string;
  label: string;
  /** First day, and the day after the last (YYYY-MM-DD, WIB). */
  from: string;
  until: string;
  /** The share of a year it covers, to scale a yearly population. */
  share: number;
}

const PERIOD = /^(\d{4})(?:-(S[12]|T[1-4]))?$/;

/** The period named `key` (`2026`, `2026-S2`, `2026-T4`), or null when it names none. */
export function skmPeriod(key: string): SkmPeriod | null {
  const match = PERIOD.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  const [firstMonth, months, label] = !part
    ? [1, 12, `Tahun ${year}`]
    : part.startsWith('S')
      ? [part === 'S1' ? 1 : 7, 6, `Semester ${part === 'S1' ? 'I' : 'II'} ${year}`]
      : [
          (Number(part[1]) - 1) * 3 + 1,
          3,
          `Triwulan ${['I', 'II', 'III', 'IV'][Number(part[1]) - 1]} ${year}`,
        ];
  const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  const end = firstMonth + months;
  return {
    key,
    label,
    from: day(year, firstMonth),
    until: end > 12 ? day(year + 1, 1) : day(year, end),
    share: months / 12,
  };
}

/** The periods that contain `day` (YYYY-MM-DD): its year, semester and quarter, in that order. */
export function skmPeriodsOf(day: string): SkmPeriod[] {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  return [year, `${year}-S${month <= 6 ? 1 : 2}`, `${year}-T${Math.ceil(month / 3)}`].map((key) =>
    skmPeriod(key)!,
  );
}

/** Surveys are counted from the year the platform first took them. */
export const SKM_FIRST_YEAR = 2026;

/** Every period that has begun by `today`, from SKM_FIRST_YEAR: each year, then its semesters and quarters, newest year first. */
export function skmPeriodsBegun(today: string): SkmPeriod[] {
  const periods: SkmPeriod[] = [];
  for (let year = Number(today.slice(0, 4)); year >= SKM_FIRST_YEAR; year--)
    for (const key of [
      `${year}`,
      `${year}-S2`,
      `${year}-S1`,
      `${year}-T4`,
      `${year}-T3`,
      `${year}-T2`,
      `${year}-T1`,
    ]) {
      const period = skmPeriod(key)!;
      if (period.from <= today) periods.push(period);
    }
  return periods;
}
