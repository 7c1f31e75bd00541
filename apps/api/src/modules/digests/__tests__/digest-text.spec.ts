import { cityDigest, digestWeek, opdDigest } from '../digest-text';

describe('weekly digests', () => {
  it('count weeks in WIB, due from Monday 07:00', () => {
    // Sunday 23:30 UTC is Monday 06:30 WIB: the new week, not due yet; 07:00 WIB it is.
    expect(digestWeek(new Date('2026-11-29T23:30:00Z'))).toEqual({ week: '2026-W49', due: false });
    expect(digestWeek(new Date('2026-11-30T00:00:00Z'))).toEqual({ week: '2026-W49', due: true });
    expect(digestWeek(new Date('2026-11-29T12:00:00Z'))).toEqual({ week: '2026-W48', due: true });
    expect(digestWeek(new Date('2027-01-01T05:00:00Z')).week).toBe('2026-W53');
  });

  it('tell an OPD what is missing and what lapses within a week, with its values filled in', () => {
    const digest = opdDigest(
      {
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        score: 62,
        bandLabel: 'Cukup Informatif',
        missing: [
          {
            code: 'performance.renja',
            weight: 6,
            met: false,
            text: 'Renja {year} belum diunggah',
            values: { year: 2026 },
          },
        ],
        dueSoon: [
          {
            code: 'news.monthly',
            weight: 8,
            met: true,
            text: 'Tidak ada berita dalam {days} hari terakhir',
            values: { days: 30 },
          },
        ],
        dashboardUrl: 'https://admin.example/opd/disdukcapil/',
      },
      '2026-W49',
    );
    expect(digest.subject).toBe(
      '[Laman] Dinas Kependudukan dan Pencatatan Sipil: 1 hal perlu dilengkapi (skor 62)',
    );
    expect(digest.body).toContain('- Renja 2026 belum diunggah');
    expect(digest.body).toContain(
      'Akan lewat tenggat dalam 7 hari:\n- Tidak ada berita dalam 30 hari terakhir',
    );
    expect(digest.body).toContain('https://admin.example/opd/disdukcapil/');
  });

  const dinasA = {
    name: 'Dinas A',
    score: 40,
    bandLabel: 'Kurang Informatif',
    missing: 9,
    daysSinceUpdate: 75,
  };
  const dinasB = {
    name: 'Dinas B',
    score: 80,
    bandLabel: 'Menuju Informatif',
    missing: 2,
    daysSinceUpdate: 3,
  };
  const bands = [
    { bandLabel: 'Kurang Informatif', opds: 1 },
    { bandLabel: 'Menuju Informatif', opds: 1 },
    { bandLabel: 'Informatif', opds: 0 },
  ];

  it('give monitors the city in figures, the lowest scores first and the ones gone quiet', () => {
    const digest = cityDigest(
      { opds: 2, average: 60, bands, quiet: 1, lowest: [dinasA, dinasB], quietest: [dinasA, dinasB] },
      '2026-W49',
      30,
      'https://admin.example/pantau/',
    );
    expect(digest.subject).toBe('[Laman] Ringkasan mingguan OPD 2026-W49: rata-rata skor 60');
    expect(digest.body).toContain(
      '2 OPD aktif; rata-rata skor 60.\nKurang Informatif: 1; Menuju Informatif: 1.',
    );
    expect(digest.body).toContain('1 OPD tidak memperbarui situsnya lebih dari 30 hari.');
    expect(digest.body).toContain('Skor terendah dulu:\n- Dinas A: 40 (Kurang Informatif), 9 hal belum ada');
    expect(digest.body.indexOf('Dinas A')).toBeLessThan(digest.body.indexOf('Dinas B'));
    // Only OPDs quiet for longer than the policy allows are in the second list.
    expect(digest.body).toContain('Paling lama tidak terbit:\n- Dinas A: 40');
    expect(digest.body.split('- Dinas B').length).toBe(2);
  });

  it('say when a list is only the first of many, so a country of OPDs is still a short mail', () => {
    const digest = cityDigest(
      { opds: 20_000, average: 61.4, bands, quiet: 1_234, lowest: [dinasA, dinasB], quietest: [dinasA] },
      '2026-W49',
      30,
      'https://admin.example/pantau/',
    );
    expect(digest.body).toContain('20.000 OPD aktif; rata-rata skor 61.');
    expect(digest.body).toContain('1.234 OPD tidak memperbarui');
    expect(digest.body).toContain('Skor terendah dulu (2 dari 20.000):');
    expect(digest.body).toContain('Paling lama tidak terbit (1 dari 1.234):');
  });

  it('leave out the quiet list when no OPD has gone quiet', () => {
    const digest = cityDigest(
      { opds: 1, average: 80, bands, quiet: 0, lowest: [dinasB], quietest: [dinasB] },
      '2026-W49',
      30,
      'https://admin.example/pantau/',
    );
    expect(digest.body).not.toContain('Paling lama tidak terbit');
    expect(digest.body).toContain('0 OPD tidak memperbarui');
  });
});
