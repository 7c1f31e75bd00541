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

  it('give monitors every OPD lowest first, and the ones gone quiet', () => {
    const digest = cityDigest(
      [
        { name: 'Dinas B', score: 80, bandLabel: 'Menuju Informatif', missing: 2, daysSinceUpdate: 3 },
        { name: 'Dinas A', score: 40, bandLabel: 'Kurang Informatif', missing: 9, daysSinceUpdate: 75 },
      ],
      '2026-W49',
      30,
      'https://admin.example/pantau/',
    );
    expect(digest.subject).toBe('[Laman] Ringkasan mingguan OPD 2026-W49: rata-rata skor 60');
    expect(digest.body).toContain('1 OPD tidak memperbarui situsnya lebih dari 30 hari.');
    expect(digest.body.indexOf('Dinas A')).toBeLessThan(digest.body.indexOf('Dinas B'));
  });
});
